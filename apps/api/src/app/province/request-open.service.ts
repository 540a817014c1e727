import { Injectable, NotFoundException } from '@nestjs/common';
import type { Period, PeriodKind } from '@trinhky/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { ConflictWithState } from '../common/http-errors';
import { PeopleService } from '../organisation/people.service';
import { ReportCreationService } from '../reports/report-creation.service';
import type { ReportDetailDto } from '../reports/report-views';
import { ReportsService } from '../reports/reports.service';
import { basisFrom } from './request-views';
import { RequestsService } from './requests.service';

/** A claim left by an opening that crashed half-way may be taken again after this long. */
const STALE_CLAIM = '5 minutes';

/**
 * Opens an addressed organisation's report from a request, in one click: template, period,
 * deadline and cut-off dates, the basis paragraph and "Kính gửi" come from the request. At most one
 * report per (request, organisation): the target row is claimed first (a concurrent second click is
 * a 409 naming the report), then the report is opened through ReportCreationService (its
 * permission rule: the compiling unit's compilers), then linked.
 */
@Injectable()
export class RequestOpenService {
  constructor(
    private readonly ds: DataSource,
    private readonly requests: RequestsService,
    private readonly creation: ReportCreationService,
    private readonly reports: ReportsService,
    private readonly people: PeopleService,
  ) {}

  async open(p: Principal, requestId: string): Promise<ReportDetailDto> {
    const [r] = await this.requests.rows(requestId, p.organisationId);
    const [target]: { report_id: string | null }[] = r
      ? await this.ds.query('SELECT report_id FROM report_request_targets WHERE request_id = $1 AND organisation_id = $2', [
          requestId,
          p.organisationId,
        ])
      : [];
    if (!r || !target) throw new NotFoundException('Không tìm thấy văn bản yêu cầu báo cáo gửi cơ quan mình.');
    if (target.report_id) throw new ConflictWithState('Báo cáo đã được mở từ văn bản này.', { reportId: target.report_id });
    // A SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count], whatever was updated.
    const [claimed]: { n: number }[] = await this.ds.query(
      `WITH c AS (UPDATE report_request_targets SET opened_at = now()
        WHERE request_id = $1 AND organisation_id = $2 AND report_id IS NULL AND (opened_at IS NULL OR opened_at < now() - interval '${STALE_CLAIM}')
        RETURNING 1) SELECT count(*)::int AS n FROM c`,
      [requestId, p.organisationId],
    );
    if (claimed.n !== 1) throw new ConflictWithState('Báo cáo đang được mở từ văn bản này, vui lòng tải lại sau giây lát.');
    const release = () =>
      this.ds.query(
        'UPDATE report_request_targets SET opened_at = NULL WHERE request_id = $1 AND organisation_id = $2 AND report_id IS NULL',
        [requestId, p.organisationId],
      );
    let reportId: string;
    try {
      const org = await this.people.organisation(p.organisationId);
      const period: Period = {
        kind: r.period_kind as PeriodKind,
        year: r.period_year,
        ...(r.period_index ? { index: r.period_index } : {}),
      };
      const created = await this.creation.create(p, {
        templateCode: r.template_code,
        period,
        deadline: r.deadline,
        basis: basisFrom(r, org.place),
      });
      reportId = created.id;
    } catch (e) {
      await release();
      throw e;
    }
    await this.ds.transaction(async (em) => {
      await em.query('UPDATE reports SET recipients = $2, cutoff_from = $3, cutoff_to = $4 WHERE id = $1', [
        reportId,
        JSON.stringify([r.issuer_name]),
        r.cutoff_from,
        r.cutoff_to,
      ]);
      await em.query('UPDATE report_request_targets SET report_id = $3 WHERE request_id = $1 AND organisation_id = $2', [
        requestId,
        p.organisationId,
        reportId,
      ]);
    });
    return this.reports.detail(p, reportId);
  }
}
