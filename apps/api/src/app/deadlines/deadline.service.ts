import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { REPORT_STATES_WITH_DEADLINE, SECTION_STATES_WITH_DEADLINE, sectionDeadlineRuns } from '@trinhky/workflow';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import { AnchorService } from '../audit/anchor.service';
import { ReportEntity, SectionEntity } from '../database/entities';
import { SYSTEM_ACTOR } from '../organisation/people.service';
import { TransitionsService } from '../reports/transitions.service';
import { NotificationsService } from '../notifications/notifications.service';
import { overdueAt } from './deadline-schedule';

/** Reports and parts whose deadline still runs (libs/workflow decides which states those are). */
const OPEN_SECTION = [...SECTION_STATES_WITH_DEADLINE];
const OPEN_REPORT = [...REPORT_STATES_WITH_DEADLINE];

/**
 * Deadlines are data: `next_reminder_at` on reports and sections (indexed). A sweep picks the due
 * ones with FOR UPDATE SKIP LOCKED (several API instances may sweep), sends `reminder` or `overdue`
 * through the same transition path as users (audit + outbox in one transaction), then moves
 * `next_reminder_at` on. The interval timer only triggers sweeps; a restart loses nothing because
 * what is due is read from the database.
 */
@Injectable()
export class DeadlineService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Deadlines');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly transitions: TransitionsService,
    private readonly notifications: NotificationsService,
    private readonly anchors: AnchorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs <= 0) return;
    const tick = (): void => {
      if (this.running) return;
      this.running = this.sweep()
        .then(async (n) => n + (await this.anchorChanged()))
        .catch((e: Error) => (this.log.error(e.message), 0))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, this.config.sweepIntervalMs);
    this.timer.unref();
    tick();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * Writes an organisation-level audit anchor for every organisation whose log grew since its last
   * anchor (the anchors are what reveal a deleted report or a truncated chain), then for every
   * superior that received new witnesses from those anchors. Returns how many anchors were written.
   */
  async anchorChanged(): Promise<number> {
    let written = 0;
    for (let depth = 0; depth < 8; depth++) {
      const orgs: { organisation_id: string }[] = await this.ds.query(
        `SELECT g.organisation_id FROM (
             SELECT organisation_id, max(at) AS last FROM audit_entries GROUP BY organisation_id
             UNION ALL SELECT superior_id, max(recorded_at) FROM audit_witnesses GROUP BY superior_id) g
          GROUP BY g.organisation_id
         HAVING max(g.last) > COALESCE((SELECT max(a.at) FROM audit_anchors a WHERE a.organisation_id = g.organisation_id), '-infinity')`,
      );
      if (!orgs.length) break;
      for (const o of orgs) await this.anchors.anchor(o.organisation_id);
      written += orgs.length;
    }
    return written;
  }

  /** Sends every due reminder/overdue event; returns how many were sent. */
  async sweep(now = new Date()): Promise<number> {
    let sent = 0;
    for (;;) {
      const due: { id: string }[] = await this.ds.query(
        `SELECT r.id FROM reports r
          WHERE r.state = ANY($2) AND (r.next_reminder_at <= $1
             OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.next_reminder_at <= $1 AND s.state = ANY($3)))
          LIMIT 20`,
        [now, OPEN_REPORT, OPEN_SECTION],
      );
      if (!due.length) break;
      let progressed = 0;
      for (const { id } of due) progressed += await this.sweepReport(id, now);
      sent += progressed;
      if (!progressed) break;
    }
    if (sent) this.notifications.kick();
    return sent;
  }

  private async sweepReport(reportId: string, now: Date): Promise<number> {
    return this.ds.transaction(async (em) => {
      const report = await em
        .getRepository(ReportEntity)
        .createQueryBuilder('r')
        .where('r.id = :id', { id: reportId })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!report) return 0; // another sweeper holds it
      let sent = 0;
      const sections = await em.getRepository(SectionEntity).find({ where: { reportId } });
      for (const s of sections) {
        if (!s.nextReminderAt || s.nextReminderAt > now) continue;
        if (!sectionDeadlineRuns(s.state)) {
          await em.update(SectionEntity, { id: s.id }, { nextReminderAt: null });
          continue;
        }
        const overdue = now >= overdueAt(s.deadline);
        await this.transitions.applyLocked(em, report, null, SYSTEM_ACTOR, {
          type: overdue ? 'overdue' : 'reminder',
          sectionId: s.id,
          expectedVersion: report.version,
        });
        await em.update(
          SectionEntity,
          { id: s.id },
          { nextReminderAt: overdue ? null : overdueAt(s.deadline), ...(overdue ? { overdue: true } : {}) },
        );
        sent++;
      }
      if (report.nextReminderAt && report.nextReminderAt <= now) {
        const overdue = now >= overdueAt(report.deadline);
        await this.transitions.applyLocked(em, report, null, SYSTEM_ACTOR, {
          type: overdue ? 'overdue' : 'reminder',
          expectedVersion: report.version,
        });
        report.nextReminderAt = overdue ? null : overdueAt(report.deadline);
        if (overdue) report.overdue = true;
        await em.update(ReportEntity, { id: report.id }, { nextReminderAt: report.nextReminderAt, overdue: report.overdue });
        sent++;
      }
      return sent;
    });
  }
}
