import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { CreateRequestBody, RequestPage, RequestView } from '@trinhky/contracts';
import { TEMPLATES, dataCutOff, formatDateShortVi, periodError, periodKey, type Period } from '@trinhky/domain';
import type { RoutingPolicy } from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { PeopleService } from '../organisation/people.service';
import { NotificationsService } from '../notifications/notifications.service';
import { REQUEST_COLUMNS, TARGETS_SQL, requestView, type RequestRow, type TargetRow } from './request-views';

/** Who is told about a request or a đôn đốc in an addressed organisation: its compilers of the report kind's compiling unit. */
export async function notifyCompilers(em: EntityManager, organisationId: string, reportKind: string, message: string): Promise<void> {
  const [row]: { policy: RoutingPolicy }[] = await em.query(
    'SELECT policy FROM routing_policies WHERE organisation_id = $1 AND report_kind = $2',
    [organisationId, reportKind],
  );
  const to = row?.policy?.compilingUnit ? { role: 'compiler', unit: row.policy.compilingUnit } : { role: 'compiler' };
  await em.query(`INSERT INTO outbox (organisation_id, topic, payload) VALUES ($1, 'notify', $2)`, [
    organisationId,
    JSON.stringify({ to, message }),
  ]);
}

/**
 * Report requests: a superior agency's letter asking the organisations it follows for a report.
 * The issuer sees its requests with every target; an addressed organisation sees the requests sent
 * to it with its own target only (never its siblings').
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(p: Principal, b: CreateRequestBody): Promise<RequestView> {
    const user = await this.people.activeUser(p.userId, p.organisationId);
    const template = TEMPLATES[b.templateCode];
    if (!template) throw new BadRequestException('Mẫu báo cáo không tồn tại.');
    const period = b.period as Period;
    const perr = periodError(period);
    if (perr) throw new BadRequestException(perr);
    const cut = dataCutOff(period);
    const cutoffFrom = b.cutoffFrom ?? cut.from;
    const cutoffTo = b.cutoffTo ?? cut.to;
    if (cutoffFrom > cutoffTo) throw new BadRequestException('Ngày bắt đầu chốt số liệu phải trước ngày kết thúc.');
    if (b.deadline < cutoffTo) throw new BadRequestException(`Hạn nộp phải sau ngày chốt số liệu (${formatDateShortVi(cutoffTo)}).`);
    if (b.deadline < b.issuedOn) throw new BadRequestException('Hạn nộp phải sau ngày ban hành văn bản.');
    const targets = [...new Set(b.organisationIds)];
    const id = await this.ds.transaction(async (em) => {
      const followed: { id: string; name: string }[] = await em.query(
        'SELECT o.id, o.name FROM organisations o WHERE o.id = ANY($1::uuid[]) AND o.id IN (SELECT f.id FROM followed_organisations($2) f)',
        [targets, p.organisationId],
      );
      const outside = targets.filter((t) => !followed.some((f) => f.id === t));
      if (outside.length)
        throw new BadRequestException(
          `${outside.length} cơ quan được chọn không thuộc phạm vi cơ quan mình theo dõi; văn bản chưa được ban hành.`,
        );
      const dup: unknown[] = await em.query(
        'SELECT 1 FROM report_requests WHERE organisation_id = $1 AND number_text = $2 AND issued_on = $3',
        [p.organisationId, b.numberText, b.issuedOn],
      );
      if (dup.length) throw new ConflictException(`Văn bản số ${b.numberText} ngày ${formatDateShortVi(b.issuedOn)} đã được ban hành.`);
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO report_requests (organisation_id, number_text, issued_on, subject, template_code, period_kind, period_year, period_index, period_key, deadline, cutoff_from, cutoff_to, remind_days_before, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          p.organisationId,
          b.numberText,
          b.issuedOn,
          b.subject,
          template.code,
          period.kind,
          period.year,
          period.index ?? null,
          periodKey(period),
          b.deadline,
          cutoffFrom,
          cutoffTo,
          b.remindDaysBefore,
          user.id,
        ],
      );
      await em.query('INSERT INTO report_request_targets (request_id, organisation_id) SELECT $1, unnest($2::uuid[])', [row.id, targets]);
      const org = await this.people.organisation(p.organisationId, em);
      for (const t of targets) {
        await notifyCompilers(
          em,
          t,
          template.kind,
          `${org.name} yêu cầu báo cáo (Văn bản số ${b.numberText}): ${b.subject}; hạn nộp ${formatDateShortVi(b.deadline)}.`,
        );
      }
      return row.id;
    });
    this.notifications.kick();
    return this.get(p, id);
  }

  /** A page of the requests the caller's organisation issued or is addressed by, newest first; `total` by COUNT, same WHERE. */
  async list(p: Principal, q: { issued?: 'true' | 'false'; limit: number; offset: number }): Promise<RequestPage> {
    const issued = 'r.organisation_id = $1';
    const addressed = 'EXISTS (SELECT 1 FROM report_request_targets t WHERE t.request_id = r.id AND t.organisation_id = $1)';
    const where = q.issued === 'true' ? issued : q.issued === 'false' ? addressed : `(${issued} OR ${addressed})`;
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        `SELECT ${REQUEST_COLUMNS} FROM report_requests r JOIN organisations o ON o.id = r.organisation_id
          WHERE ${where} ORDER BY r.issued_on DESC, r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3`,
        [p.organisationId, q.limit, q.offset],
      ) as Promise<RequestRow[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM report_requests r WHERE ${where}`, [p.organisationId]) as Promise<{ n: number }[]>,
    ]);
    return { items: await this.views(p, rows), total: count.n, limit: q.limit, offset: q.offset };
  }

  async get(p: Principal, id: string): Promise<RequestView> {
    const [view] = await this.views(p, await this.rows(id, p.organisationId));
    if (!view) throw new NotFoundException('Không tìm thấy văn bản yêu cầu báo cáo.');
    return view;
  }

  /** The request if the caller's organisation issued it or is addressed by it. */
  async rows(id: string, organisationId: string, em: EntityManager = this.ds.manager): Promise<RequestRow[]> {
    return em.query(
      `SELECT ${REQUEST_COLUMNS} FROM report_requests r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.id = $1 AND (r.organisation_id = $2 OR EXISTS (SELECT 1 FROM report_request_targets t WHERE t.request_id = r.id AND t.organisation_id = $2))`,
      [id, organisationId],
    );
  }

  async targets(requestIds: string[], em: EntityManager = this.ds.manager): Promise<TargetRow[]> {
    return requestIds.length ? em.query(TARGETS_SQL, [requestIds]) : [];
  }

  private async views(p: Principal, rows: RequestRow[]): Promise<RequestView[]> {
    const targets = await this.targets(rows.map((r) => r.id));
    // An addressed organisation sees its own line only.
    return rows.map((r) =>
      requestView(r, r.organisation_id === p.organisationId ? targets : targets.filter((t) => t.organisation_id === p.organisationId)),
    );
  }
}
