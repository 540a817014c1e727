import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { CompileRequestBody } from '@trinhky/contracts';
import {
  addWorkingDays,
  aggregatedPartFigures,
  formatDateShortVi,
  isCalendarDate,
  TEMPLATES,
  todayInVietnam,
  type Period,
  type PeriodKind,
} from '@trinhky/domain';
import { leadershipOf } from '@trinhky/workflow';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { ConflictWithState, UnprocessableError } from '../common/http-errors';
import { ReportCreationService } from '../reports/report-creation.service';
import type { ReportDetailDto } from '../reports/report-views';
import { ReportsService } from '../reports/reports.service';
import { SectionsService } from '../reports/sections.service';
import { organisationPolicy } from '../organisation/organisation-policy';
import { AggregateService } from './aggregate.service';

const STALE_CLAIM = '5 minutes';

/**
 * The superior's own compiled report from a request (issue 12 §5): a report of the issuer's organisation,
 * the request's template and period, opened through ReportCreationService (its permission rule) after
 * libs/workflow `mayCompileRequest`, whose annex parts start from the aggregate's figures (written as each
 * part's first revision while the report is in draft, as an import's content is). Then the same lifecycle
 * under the Sở's own policy: its parts on the Sở's units, its heads accept, its leader signs (a Phó Giám
 * đốc: "KT. GIÁM ĐỐC"), its văn thư issues. It is addressed to the Sở's own receiver (report_receivers of
 * the kind, else its parent: UBND tỉnh). One per request (claimed first, like opening).
 */
@Injectable()
export class CompileService {
  constructor(
    private readonly ds: DataSource,
    private readonly aggregates: AggregateService,
    private readonly creation: ReportCreationService,
    private readonly sections: SectionsService,
    private readonly reports: ReportsService,
  ) {}

  async compile(p: Principal, requestId: string, body: CompileRequestBody): Promise<ReportDetailDto> {
    const a = await this.aggregates.aggregation(p, requestId);
    const may = await this.aggregates.compileAnswer(p, a);
    if (!may.ok) {
      if (may.code === 'not_found') throw new NotFoundException(may.reason);
      if (may.code === 'forbidden') throw new ForbiddenException(may.reason);
      if (may.code === 'conflict') throw new ConflictWithState(may.reason, { reportId: may.reportId });
      throw new UnprocessableError(may.reason);
    }
    const r = a.request;
    const today = todayInVietnam();
    const deadline = body.deadline ?? addWorkingDays(r.deadline > today ? r.deadline : today, 5);
    if (!isCalendarDate(deadline)) throw new BadRequestException('Hạn nộp không hợp lệ.');
    const [claimed]: { n: number }[] = await this.ds.query(
      `WITH c AS (UPDATE report_requests SET compile_claimed_at = now()
        WHERE id = $1 AND compiled_report_id IS NULL AND (compile_claimed_at IS NULL OR compile_claimed_at < now() - interval '${STALE_CLAIM}')
        RETURNING 1) SELECT count(*)::int AS n FROM c`,
      [requestId],
    );
    if (claimed.n !== 1) throw new ConflictWithState('Báo cáo tổng hợp đang được lập từ văn bản này, vui lòng tải lại sau giây lát.');
    let reportId: string;
    try {
      const period: Period = {
        kind: r.period_kind as PeriodKind,
        year: r.period_year,
        ...(r.period_index ? { index: r.period_index } : {}),
      };
      const names = a.included.map((x) => x.organisation.name).join(', ');
      const created = await this.creation.create(p, {
        templateCode: r.template_code,
        period,
        deadline,
        basis: `Thực hiện Văn bản số ${r.number_text} ngày ${formatDateShortVi(r.issued_on)} của ${r.issuer_name} ${r.subject.trim().replace(/[.;:]+$/, '')}; trên cơ sở báo cáo của ${a.included.length}/${a.included.length + a.notIncluded.length} cơ quan (${names}), ${r.issuer_name} tổng hợp, báo cáo như sau:`,
      });
      reportId = created.id;
      await this.addressed(p.organisationId, r.template_code, reportId);
      for (const s of created.sections) {
        const group = a.catalogue.groups.find((g) => g.part === s.code);
        const figures = group && aggregatedPartFigures(a.aggregate, group.code);
        if (figures) await this.sections.importContent(p, reportId, s.id, { blocks: [] }, figures);
      }
    } catch (e) {
      await this.ds.query('UPDATE report_requests SET compile_claimed_at = NULL WHERE id = $1 AND compiled_report_id IS NULL', [requestId]);
      throw e;
    }
    await this.ds.query('UPDATE report_requests SET compiled_report_id = $2 WHERE id = $1', [requestId, reportId]);
    return this.reports.detail(p, reportId);
  }

  /**
   * "Kính gửi": the agency the Sở's report of this kind goes to (its receiver, else its parent), not the
   * template's "Sở Nội vụ"; "Nơi nhận" of a Sở under its Giám đốc: its leadership and units, archived by
   * its compiling unit.
   */
  private async addressed(organisationId: string, templateCode: string, reportId: string): Promise<void> {
    const kind = TEMPLATES[templateCode]?.kind ?? 'CCHC';
    const [to]: { name: string }[] = await this.ds.query(
      `SELECT o.name FROM organisations o
        WHERE o.id = COALESCE((SELECT receiver_id FROM report_receivers WHERE organisation_id = $1 AND report_kind = $2),
                              (SELECT parent_id FROM organisations WHERE id = $1))`,
      [organisationId, kind],
    );
    const { policy } = await organisationPolicy(this.ds, organisationId, kind);
    const distribution =
      leadershipOf(policy).kind === 'director'
        ? ['- Như trên;', '- Lãnh đạo Sở;', '- Các phòng thuộc Sở;', `- Lưu: VT, ${policy.compilingUnit}.`]
        : null;
    await this.ds.query(
      `UPDATE reports SET recipients = COALESCE($2::jsonb, recipients), distribution = COALESCE($3::jsonb, distribution) WHERE id = $1`,
      [reportId, to ? JSON.stringify([to.name]) : null, distribution ? JSON.stringify(distribution) : null],
    );
  }
}
