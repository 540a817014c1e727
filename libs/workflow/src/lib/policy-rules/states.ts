/**
 * Facts about the lifecycle states that callers filter by: which reports and parts still run against
 * their deadline, which are finished, which wait for the clerk. The API's queries and the web's
 * lists take these arrays instead of writing state names themselves (a test keeps it that way).
 */
import type { ReportState, SectionState } from '../contract';
import { REPORT_STATE_LABELS, SECTION_STATE_LABELS } from '../labels';
import { POLICY_FULL } from '../policies';
import { FINAL_REPORT_STATES, reportRules } from '../rules';

/** Every report state, in lifecycle order. */
export const REPORT_STATES = Object.keys(REPORT_STATE_LABELS) as readonly ReportState[];
/** Every section state, in lifecycle order. */
export const SECTION_STATES = Object.keys(SECTION_STATE_LABELS) as readonly SectionState[];

/** Ended for good: nothing more happens to the report (the machine's final states). */
export { FINAL_REPORT_STATES };

export function isFinalReportState(state: string): boolean {
  return (FINAL_REPORT_STATES as readonly string[]).includes(state);
}

/**
 * Does the report's deadline (hạn nộp) still run? Until it is sent to the recipient: a signed or
 * issued report that has not been dispatched is still late if its day passes; a cancelled one is not.
 */
export function reportDeadlineRuns(state: string): boolean {
  return state !== 'submitted' && state !== 'cancelled' && !isFinalReportState(state) && REPORT_STATES.includes(state as ReportState);
}

/** Does a part's internal deadline still run? Until its unit hands it to the compiler (submitted). */
export function sectionDeadlineRuns(state: string): boolean {
  return state !== 'submitted' && state !== 'accepted' && SECTION_STATES.includes(state as SectionState);
}

/** Report states whose deadline runs (for a query: `state = ANY($1)`). */
export const REPORT_STATES_WITH_DEADLINE: readonly ReportState[] = REPORT_STATES.filter(reportDeadlineRuns);
/** Section states whose deadline runs. */
export const SECTION_STATES_WITH_DEADLINE: readonly SectionState[] = SECTION_STATES.filter(sectionDeadlineRuns);

/**
 * States in which the clerk (văn thư) has the next step — numbering, dispatch, recording receipt —
 * read from the transition table: every state with a rule guarded by `isClerk` or `isReceiptRecorder`
 * (receipt: the sender's văn thư records it by hand for a receiver outside the system). Clerk rules do not
 * depend on the routing policy; the fullest policy is used to list them.
 */
export const CLERK_REPORT_STATES: readonly ReportState[] = REPORT_STATES.filter((s) =>
  reportRules(POLICY_FULL).some(
    (r) => r.from.includes(s) && (r.guards as readonly string[]).some((g) => g === 'isClerk' || g === 'isReceiptRecorder'),
  ),
);

export function awaitsClerk(state: string): boolean {
  return (CLERK_REPORT_STATES as readonly string[]).includes(state);
}

/** States in which a report is issued — numbered, dated, its issued PDF frozen: from `issue` to the recipient's answer. */
export const ISSUED_REPORT_STATES: readonly ReportState[] = ['issued', 'submitted', 'acknowledged'];

export function isIssuedState(state: string): boolean {
  return (ISSUED_REPORT_STATES as readonly string[]).includes(state);
}
