import { Injectable, NotFoundException } from '@nestjs/common';
import type { RequestAggregate } from '@trinhky/contracts';
import {
  aggregateFigures,
  catalogueFor,
  figuresByGroupOf,
  formatDateShortVi,
  TEMPLATES,
  type Aggregate,
  type AggregateSource,
  type IndicatorCatalogue,
  type PartFigures,
} from '@trinhky/domain';
import { AGGREGATED_REPORT_STATES, REPORT_STATE_LABELS, countsInAggregate, mayCompileRequest, type ReportState } from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { PeopleService } from '../organisation/people.service';
import { organisationPolicy } from '../organisation/organisation-policy';
import type { RequestRow } from './request-views';
import { RequestsService } from './requests.service';

/** One addressed organisation with its report, and the figures of its parts' accepted (signed, immutable) revisions. */
interface AggregateRow {
  organisation_id: string;
  organisation_name: string;
  report_id: string | null;
  state: ReportState | null;
  number_text: string | null;
  revision: number | null;
  version: number | null;
  /** part code → figures; only for the reports that count (AGGREGATED_REPORT_STATES). */
  figures: Record<string, PartFigures> | null;
}

/**
 * Read in one statement: every target of the request, and for those whose report was sent to the
 * superior, the figures of each part's accepted revision — the revision the signature covers.
 */
export const AGGREGATE_SQL = `
  SELECT t.organisation_id, o.name AS organisation_name, rep.id AS report_id, rep.state, rep.number_text, rep.revision,
         rep.figures_catalogue_version AS version,
         CASE WHEN rep.state = ANY($2::text[]) THEN
           (SELECT jsonb_object_agg(s.code, sr.figures) FROM sections s JOIN section_revisions sr ON sr.id = s.accepted_revision_id
             WHERE s.report_id = rep.id AND sr.figures IS NOT NULL)
         END AS figures
    FROM report_request_targets t
    JOIN organisations o ON o.id = t.organisation_id
    LEFT JOIN reports rep ON rep.id = t.report_id
   WHERE t.request_id = $1
   ORDER BY o.name, t.organisation_id`;

export interface RequestAggregation {
  request: RequestRow & { compiled_report_id: string | null };
  catalogue: IndicatorCatalogue;
  aggregate: Aggregate;
  included: RequestAggregate['included'];
  notIncluded: RequestAggregate['notIncluded'];
}

function exclusion(r: AggregateRow, catalogue: IndicatorCatalogue): string | null {
  if (!r.report_id || !r.state) return 'Chưa mở báo cáo.';
  if (!countsInAggregate(r.state))
    return r.state === 'cancelled' ? 'Báo cáo đã bị hủy.' : `Chưa gửi báo cáo (đang ở bước "${REPORT_STATE_LABELS[r.state] ?? r.state}").`;
  if (r.version !== catalogue.version)
    return `Báo cáo mở theo danh mục chỉ tiêu phiên bản ${r.version ?? '—'}, khác phiên bản ${catalogue.version} đang tổng hợp.`;
  return null;
}

/**
 * Aggregation of a request (issue 12 §5): the issuer's users only (404 for anyone else, as the other
 * request routes), over the addressed organisations whose reports were sent (libs/workflow
 * `AGGREGATED_REPORT_STATES`), from the submitted revision's figures, one catalogue version.
 */
@Injectable()
export class AggregateService {
  constructor(
    private readonly ds: DataSource,
    private readonly requests: RequestsService,
    private readonly people: PeopleService,
  ) {}

  async aggregation(p: Principal, requestId: string, em: EntityManager = this.ds.manager): Promise<RequestAggregation> {
    const [r] = await this.requests.rows(requestId, p.organisationId, em);
    if (!r || r.organisation_id !== p.organisationId) throw new NotFoundException('Không tìm thấy văn bản yêu cầu báo cáo.');
    const catalogue = catalogueFor(r.template_code);
    if (!catalogue) throw new NotFoundException('Mẫu báo cáo của văn bản này không có phụ lục số liệu để tổng hợp.');
    const [extra]: { compiled_report_id: string | null }[] = await em.query(
      'SELECT compiled_report_id FROM report_requests WHERE id = $1',
      [requestId],
    );
    const rows: AggregateRow[] = await em.query(AGGREGATE_SQL, [requestId, AGGREGATED_REPORT_STATES]);
    const sources: AggregateSource[] = [];
    const included: RequestAggregate['included'] = [];
    const notIncluded: RequestAggregate['notIncluded'] = [];
    for (const row of rows) {
      const organisation = { id: row.organisation_id, name: row.organisation_name };
      const why = exclusion(row, catalogue);
      if (why) {
        notIncluded.push({
          organisation,
          report: row.report_id && row.state ? { id: row.report_id, state: row.state } : null,
          reason: why,
        });
        continue;
      }
      included.push({
        organisation,
        report: { id: row.report_id as string, state: row.state as ReportState, numberText: row.number_text, revision: row.revision ?? 1 },
      });
      sources.push({
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        figures: figuresByGroupOf(catalogue, row.figures ?? {}),
      });
    }
    return {
      request: { ...r, compiled_report_id: extra?.compiled_report_id ?? null },
      catalogue,
      aggregate: aggregateFigures(catalogue, sources),
      included,
      notIncluded,
    };
  }

  /** Whether the caller may open the compiled report now (libs/workflow `mayCompileRequest`). */
  async compileAnswer(p: Principal, a: RequestAggregation, em: EntityManager = this.ds.manager) {
    const user = await this.people.activeUser(p.userId, p.organisationId, em);
    const kind = TEMPLATES[a.request.template_code]?.kind ?? 'CCHC';
    // The Sở's own policy, with its units' names: a refusal names its compiling unit, not a commune's.
    const { policy } = await organisationPolicy(em, p.organisationId, kind);
    return mayCompileRequest(
      policy,
      { organisationId: p.organisationId, roles: user.roles, unit: user.unitCode },
      { issuerId: a.request.organisation_id, hasAnnex: true, submitted: a.included.length, compiledReportId: a.request.compiled_report_id },
    );
  }

  async view(p: Principal, requestId: string): Promise<RequestAggregate> {
    const a = await this.aggregation(p, requestId);
    const may = await this.compileAnswer(p, a);
    const { request: r, aggregate: agg } = a;
    return {
      request: { id: r.id, numberText: r.number_text, subject: r.subject, templateCode: r.template_code, periodKey: r.period_key },
      catalogue: { template: agg.template, version: agg.version, title: agg.title },
      periods: agg.periods,
      included: a.included,
      notIncluded: a.notIncluded,
      groups: agg.groups,
      compile: {
        allowed: may.ok,
        reason: may.ok ? null : may.reason,
        reportId: a.request.compiled_report_id,
      },
    };
  }

  /** "Tổng hợp báo cáo theo Văn bản số 2150/SNV-CCHC ngày 20/11/2026 về việc …" */
  subtitle(r: RequestRow): string {
    return `Tổng hợp báo cáo theo Văn bản số ${r.number_text} ngày ${formatDateShortVi(r.issued_on)} ${r.subject.trim()}`;
  }
}
