/**
 * Where an actor may possibly be offered an event: a conservative over-approximation of
 * `allowedEvents`, read from the same transition tables and guards, that a database can evaluate
 * before loading anything (the inbox, issue 12). It never excludes a report on which `allowedEvents`
 * would offer the actor an event; it may include reports on which it offers none (the inbox then runs
 * `allowedEvents` on those, as before). Guards that read the report's context (who presented, who
 * signed, the figures) are assumed to pass; guards that read the actor and the policy become a
 * condition on the actor or on the report's stored policy.
 */
import type { ReportRecord, ReportState, RoutingPolicy, SectionState, WorkflowActor, WorkflowEventType } from './contract';
import { DEFINITIONS } from './definitions';
import { isLeaderPosition } from './policy-rules/leadership';
import { isSectionEvent, reportRules, sectionRules } from './rules';
import { reportState, sectionState } from './snapshots';

/** What the report's stored policy must say for the guards to pass ('any': nothing). */
export type PolicyCondition = { compilingUnit: string } | { formatCheckUnit: string } | 'any';

/** Which of a report's parts a section event may concern: all of them, or the actor's own. */
export type PartMatch = 'all' | { unit?: string; assigneeId?: string };

export interface InboxScope {
  /** Report events: a report in one of `states` whose policy satisfies `when`. */
  reports: { states: ReportState[]; when: PolicyCondition }[];
  /** Section events: a report in `reportStates` (policy `when`) with a part in `sectionStates` matched by `parts`. */
  sections: { reportStates: ReportState[]; sectionStates: SectionState[]; when: PolicyCondition; parts: PartMatch }[];
}

type Possibility = 'never' | 'always' | PolicyCondition | { part: PartMatch };

const isUser = (a: WorkflowActor) => a.kind !== 'system';

/** A necessary condition for `guard` to pass for `actor` on some report (never stronger than the guard). */
function possible(guard: string, a: WorkflowActor): Possibility {
  switch (guard) {
    case 'isCompiler':
      return isUser(a) && a.unit && (a.roles.includes('compiler') || a.roles.includes('head')) ? { compilingUnit: a.unit } : 'never';
    case 'isFormatChecker':
      return isUser(a) && a.unit && a.roles.includes('format_checker') ? { formatCheckUnit: a.unit } : 'never';
    case 'isSigner':
      // The named signer holds a head's or a deputy's position (Chủ tịch, Phó Chủ tịch, Giám đốc, Phó Giám đốc);
      // anyone else signs only through a delegation.
      return isUser(a) && (isLeaderPosition(a.position) || a.delegations.length > 0) ? 'always' : 'never';
    case 'isSignerOrOriginalSigner':
      // Whoever signed may revoke, whatever they hold now.
      return isUser(a) ? 'always' : 'never';
    case 'isClerk':
    case 'isReceiptRecorder':
      return isUser(a) && a.roles.includes('clerk') ? 'always' : 'never';
    case 'isSystem':
      return a.kind === 'system' ? 'always' : 'never';
    case 'isSectionDrafter': {
      if (!isUser(a)) return 'never';
      return { part: { ...(a.roles.includes('drafter') && a.unit ? { unit: a.unit } : {}), assigneeId: a.userId } };
    }
    case 'isSectionHead':
      return isUser(a) && a.unit && a.roles.includes('head') ? { part: { unit: a.unit } } : 'never';
    default:
      // Context guards (notPresenter, notSubmitter, hasComment, figuresAnswered, allSectionsAccepted): assumed to pass.
      return 'always';
  }
}

/** The conjunction of the guards' conditions: null when one can never pass. */
function combine(guards: readonly string[], a: WorkflowActor): { when: PolicyCondition; part: PartMatch } | null {
  let when: PolicyCondition = 'any';
  let part: PartMatch = 'all';
  for (const g of guards) {
    const p = possible(g, a);
    if (p === 'never') return null;
    if (p === 'always') continue;
    // Keeping one of several conditions of a conjunction stays conservative.
    if (typeof p === 'object' && 'part' in p) part = p.part;
    else if (when === 'any') when = p;
  }
  return { when, part };
}

/** Every policy shape the tables depend on: with and without the format check, with and without the head's step. */
const SHAPES: RoutingPolicy[] = [false, true].flatMap((headAcceptance) =>
  [null, { unit: 'VP' as const }].map((formatCheck) => ({ headAcceptance, formatCheck }) as unknown as RoutingPolicy),
);

/**
 * Where `actor` may be offered an event (other than `omit`'s), whatever the report's policy and
 * definition version.
 */
export function inboxScope(actor: WorkflowActor, omit: readonly WorkflowEventType[] = []): InboxScope {
  const key = (o: unknown) => JSON.stringify(o);
  const reports = new Map<string, InboxScope['reports'][number]>();
  const sections = new Map<string, InboxScope['sections'][number]>();
  for (const policy of SHAPES) {
    const rRules = reportRules(policy).filter((r) => !omit.includes(r.event));
    for (const spec of Object.values(DEFINITIONS)) {
      for (const sRule of sectionRules(policy, spec).filter((r) => !omit.includes(r.event))) {
        for (const rRule of rRules.filter((r) => r.event === sRule.event)) {
          const c = combine([...rRule.guards, ...sRule.guards], actor);
          if (!c) continue;
          const k = key([c.when, c.part]);
          const e = sections.get(k) ?? { reportStates: [], sectionStates: [], when: c.when, parts: c.part };
          e.reportStates = [...new Set([...e.reportStates, ...rRule.from])];
          e.sectionStates = [...new Set([...e.sectionStates, ...sRule.from])];
          sections.set(k, e);
        }
      }
    }
    for (const rule of rRules) {
      // Section events are offered per part (above); a report rule for them alone offers nothing.
      if (isSectionEvent(rule.event)) continue;
      const c = combine(rule.guards, actor);
      if (!c) continue;
      const k = key(c.when);
      const e = reports.get(k) ?? { states: [], when: c.when };
      e.states = [...new Set([...e.states, ...rule.from])];
      reports.set(k, e);
    }
  }
  return { reports: [...reports.values()], sections: [...sections.values()] };
}

function holds(when: PolicyCondition, policy: RoutingPolicy): boolean {
  if (when === 'any') return true;
  if ('compilingUnit' in when) return policy.compilingUnit === when.compilingUnit;
  return policy.formatCheck?.unit === when.formatCheckUnit;
}

function partMatches(m: PartMatch, s: { unit: string; assigneeId: string | null }): boolean {
  return m === 'all' || (m.unit !== undefined && s.unit === m.unit) || (m.assigneeId !== undefined && s.assigneeId === m.assigneeId);
}

/** Does a report fall in the scope? The same test the inbox's SQL makes, over a record. */
export function inScope(scope: InboxScope, report: ReportRecord): boolean {
  const state = reportState(report.snapshot);
  if (scope.reports.some((e) => e.states.includes(state) && holds(e.when, report.policy))) return true;
  return scope.sections.some(
    (e) =>
      e.reportStates.includes(state) &&
      holds(e.when, report.policy) &&
      report.sections.some((s) => e.sectionStates.includes(sectionState(s.snapshot)) && partMatches(e.parts, s)),
  );
}
