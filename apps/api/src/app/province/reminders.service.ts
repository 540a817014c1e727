import {
  ForbiddenException,
  Inject,
  NotFoundException,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { RemindResult } from '@trinhky/contracts';
import { TEMPLATES, addWorkingDays, formatDateShortVi, todayInVietnam } from '@trinhky/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { APP_CONFIG } from '../common/tokens';
import type { AppConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { PeopleService } from '../organisation/people.service';
import { owesReport, type RequestRow, type TargetRow } from './request-views';
import { RequestsService, notifyCompilers } from './requests.service';

/**
 * Đôn đốc: reminding the addressed organisations that have not submitted. By hand (the issuer's
 * button) or by the sweep, from `remind_days_before` working days before the deadline up to the
 * deadline. Once per (request, organisation, day in Vietnam) whatever the caller or the number of API
 * instances: the reminder row's primary key decides, and its notification is written in the same
 * transaction, so a refused duplicate notifies nobody.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Đôn đốc');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly requests: RequestsService,
    private readonly people: PeopleService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.sweep().catch((e: Error) => this.log.error(e.message)), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The issuer's button: reminds the given (default: every) target still owing its report. */
  async remind(p: Principal, requestId: string, organisationIds?: string[], now = new Date()): Promise<RemindResult> {
    const user = await this.people.activeUser(p.userId, p.organisationId);
    const [r] = await this.requests.rows(requestId, p.organisationId);
    if (r && r.organisation_id !== p.organisationId) throw new ForbiddenException('Chỉ cơ quan ban hành văn bản yêu cầu mới được đôn đốc.');
    const result: RemindResult = { reminded: [], skipped: [] };
    if (!r) throw new NotFoundException('Không tìm thấy văn bản yêu cầu báo cáo.');
    const targets = (await this.requests.targets([r.id])).filter((t) => !organisationIds || organisationIds.includes(t.organisation_id));
    if (organisationIds?.some((id) => !targets.some((t) => t.organisation_id === id)))
      throw new ForbiddenException('Chỉ đôn đốc được các cơ quan mà văn bản gửi tới.');
    await this.ds.transaction(async (em) => {
      for (const t of targets) {
        const org = { id: t.organisation_id, name: t.organisation_name };
        if (!owesReport(t)) result.skipped.push({ organisation: org, reason: 'Đã nộp báo cáo.' });
        else if (await this.once(em, r, t, 'manual', user.id, now)) result.reminded.push(org);
        else result.skipped.push({ organisation: org, reason: 'Đã được đôn đốc hôm nay.' });
      }
    });
    if (result.reminded.length) this.notifications.kick();
    return result;
  }

  /** Automatic đôn đốc of every request whose reminder window is open today; returns how many were sent. */
  async sweep(now = new Date()): Promise<number> {
    const today = todayInVietnam(now);
    const rows: RequestRow[] = await this.ds.query(
      `SELECT r.id, r.organisation_id, o.name AS issuer_name, r.number_text, r.subject, r.template_code, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.remind_days_before
         FROM report_requests r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.deadline >= $1::date AND r.deadline <= $1::date + 45`,
      [today],
    );
    const due = rows.filter((r) => addWorkingDays(r.deadline, -r.remind_days_before) <= today);
    let sent = 0;
    for (const t of await this.requests.targets(due.map((r) => r.id))) {
      if (!owesReport(t)) continue;
      const r = due.find((x) => x.id === t.request_id);
      if (!r) continue;
      if (await this.ds.transaction((em) => this.once(em, r, t, 'auto', null, now))) sent++;
    }
    if (sent) {
      this.notifications.kick();
      this.log.log(`Đã đôn đốc tự động ${sent} cơ quan.`);
    }
    return sent;
  }

  /** One reminder row per (request, organisation, day); the notification only with a new row. */
  private async once(
    em: EntityManager,
    r: Pick<RequestRow, 'id' | 'issuer_name' | 'number_text' | 'subject' | 'template_code' | 'deadline'>,
    t: TargetRow,
    kind: 'manual' | 'auto',
    userId: string | null,
    now: Date,
  ): Promise<boolean> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO request_reminders (request_id, organisation_id, day, kind, by_user) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [r.id, t.organisation_id, todayInVietnam(now), kind, userId],
    );
    if (!inserted.length) return false;
    const kindOf = TEMPLATES[r.template_code]?.kind ?? 'CCHC';
    await notifyCompilers(
      em,
      t.organisation_id,
      kindOf,
      `${r.issuer_name} đôn đốc: chưa nhận được báo cáo theo Văn bản số ${r.number_text} (${r.subject}); hạn nộp ${formatDateShortVi(r.deadline)}.`,
    );
    return true;
  }
}
