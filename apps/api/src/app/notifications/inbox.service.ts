import { Injectable } from '@nestjs/common';
import { FINAL_REPORT_STATES, allowedEvents, type AllowedEvent } from '@trinhky/workflow';
import { DataSource, In, Not } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { NotificationEntity, ReportEntity, SectionEntity } from '../database/entities';
import { PeopleService } from '../organisation/people.service';
import { toRecord } from '../reports/report-views';

export interface InboxItem {
  reportId: string;
  reportTitle: string;
  reportState: string;
  version: number;
  sectionId?: string;
  sectionTitle?: string;
  sectionState?: string;
  events: AllowedEvent[];
  deadline: string;
  overdue: boolean;
}

const DONE = [...FINAL_REPORT_STATES];

/** "Việc chờ xử lý": what needs the user's action now, computed by the workflow (the same answer as the buttons). */
@Injectable()
export class InboxService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
  ) {}

  async items(principal: Principal): Promise<InboxItem[]> {
    const { actor } = await this.people.activeActor(principal.userId, principal.organisationId);
    const reports = await this.ds
      .getRepository(ReportEntity)
      .find({ where: { organisationId: principal.organisationId, state: Not(In(DONE)) } });
    if (!reports.length) return [];
    const sections = await this.ds
      .getRepository(SectionEntity)
      .find({ where: { reportId: In(reports.map((r) => r.id)) }, order: { sortOrder: 'ASC' } });
    const now = new Date();
    const items: InboxItem[] = [];
    for (const r of reports) {
      const own = sections.filter((s) => s.reportId === r.id);
      const events = allowedEvents(toRecord(r, own), actor, now).filter((e) => e.type !== 'cancel');
      const bySection = new Map<string | undefined, AllowedEvent[]>();
      for (const e of events) bySection.set(e.sectionId, [...(bySection.get(e.sectionId) ?? []), e]);
      for (const [sectionId, evs] of bySection) {
        const s = sectionId ? own.find((x) => x.id === sectionId) : undefined;
        items.push({
          reportId: r.id,
          reportTitle: r.title,
          reportState: r.state,
          version: r.version,
          ...(s ? { sectionId: s.id, sectionTitle: [s.label, s.title].filter(Boolean).join(' '), sectionState: s.state } : {}),
          events: evs,
          deadline: s?.deadline ?? r.deadline,
          overdue: s ? s.overdue : r.overdue,
        });
      }
    }
    return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline));
  }

  async notifications(
    principal: Principal,
  ): Promise<{ id: string; reportId: string | null; message: string; createdAt: string; read: boolean }[]> {
    const rows = await this.ds
      .getRepository(NotificationEntity)
      .find({ where: { userId: principal.userId }, order: { createdAt: 'DESC' }, take: 100 });
    return rows.map((n) => ({
      id: n.id,
      reportId: n.reportId,
      message: n.message,
      createdAt: n.createdAt.toISOString(),
      read: !!n.readAt,
    }));
  }

  async markRead(principal: Principal): Promise<void> {
    await this.ds.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [principal.userId]);
  }
}
