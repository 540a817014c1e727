/**
 * The superior's own compiled report (issue 12 §5): which communes' reports count in the aggregation
 * of a request, and who may open the compiled report from it.
 */
import type { UnitCode } from '@trinhky/domain';
import type { ReportState, RoutingPolicy } from '../contract';
import { mayOpenReport } from './opening';
import { ISSUED_REPORT_STATES, reportDeadlineRuns } from './states';

/**
 * Submitted to the superior: issued and sent — dispatched (`submitted`) or received (`acknowledged`).
 * An issued report not yet dispatched has not reached the superior; a refused one went back to collecting
 * (a new revision), so it no longer counts until it is sent again.
 */
export const AGGREGATED_REPORT_STATES: readonly ReportState[] = ISSUED_REPORT_STATES.filter((s) => !reportDeadlineRuns(s));

export function countsInAggregate(state: string | null | undefined): boolean {
  return !!state && (AGGREGATED_REPORT_STATES as readonly string[]).includes(state);
}

export interface CompileFacts {
  /** The request's issuing organisation. */
  issuerId: string;
  /** Whether the request's template has an annex (an indicator catalogue). */
  hasAnnex: boolean;
  /** How many addressed organisations' reports count in the aggregate. */
  submitted: number;
  /** The compiled report already opened from the request, if any. */
  compiledReportId: string | null;
}

export interface CompileActor {
  organisationId: string;
  roles: readonly string[];
  unit: UnitCode | null;
}

export type CompileAnswer =
  { ok: true } | { ok: false; code: 'not_found' | 'forbidden' | 'conflict' | 'invalid'; reason: string; reportId?: string };

/**
 * May `actor` open the superior's compiled report from a request? The issuer's own people who open
 * reports of the kind (its routing policy's compiling unit, as `mayOpenReport`), once per request, when
 * the template has an annex and at least one addressed organisation has submitted.
 */
export function mayCompileRequest(policy: RoutingPolicy, actor: CompileActor, f: CompileFacts): CompileAnswer {
  if (actor.organisationId !== f.issuerId) return { ok: false, code: 'not_found', reason: 'Không tìm thấy văn bản yêu cầu báo cáo.' };
  if (!f.hasAnnex) return { ok: false, code: 'invalid', reason: 'Mẫu báo cáo của văn bản này không có phụ lục số liệu để tổng hợp.' };
  if (f.compiledReportId)
    return { ok: false, code: 'conflict', reason: 'Báo cáo tổng hợp đã được lập từ văn bản này.', reportId: f.compiledReportId };
  if (f.submitted < 1) return { ok: false, code: 'invalid', reason: 'Chưa có cơ quan nào gửi báo cáo: chưa có số liệu để tổng hợp.' };
  const open = mayOpenReport(policy, { roles: actor.roles, unit: actor.unit });
  if (!open.ok) return { ok: false, code: 'forbidden', reason: open.reason };
  return { ok: true };
}
