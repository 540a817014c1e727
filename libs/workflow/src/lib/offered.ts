/**
 * `offeredEvents`: the answer of `allowedEvents` from the stored facts alone — the report's state, its
 * parts' states and the few context fields the guards read — without restoring any XState snapshot.
 * The transition tables are the ones the machines are built from (`reportRules`, `sectionRules`),
 * indexed once per shape (format check or not × head review or not) by state; the guards are the same
 * named predicates (`REPORT_GUARDS`, `SECTION_GUARDS`) the machines register. What the guards read of
 * the snapshots' context is carried by the facts: `presentedBy` and the signer's id (report),
 * `unit`, `assigneeId` and `submittedBy` (each part). Property-tested against `allowedEvents`.
 */
import { signingOrganisationFor } from './authority';
import type {
  AllowedEvent,
  FigureIssue,
  ReceivingAgency,
  ReportState,
  RoutingPolicy,
  SectionState,
  WorkflowActor,
  WorkflowEventType,
} from './contract';
import { contractStateName, getDefinition } from './definitions';
import { REPORT_GUARDS, SECTION_GUARDS, type ReportGuardName, type SectionGuardName } from './guards';
import { EVENT_LABELS } from './labels';
import type { ReportWithOrganisation } from './answers';
import { SECTION_EVENTS, isSectionEvent, reportRules, sectionRules } from './rules';
import type { MachineEvent, ReportContext, SectionContext } from './types';
import type { UnitCode } from '@trinhky/domain';

/** A part as the guards see it: its state, and what its snapshot's context holds that a guard reads. */
export interface PartFacts {
  id: string;
  state: SectionState;
  /** The part's unit and assignee in its context (what `isSectionDrafter`/`isSectionHead` read). */
  unit: UnitCode;
  assigneeId: string | null;
  submittedBy: string | null;
  figureFindings?: FigureIssue[];
}

/** A report as the guards see it (`state` in the contract's names). */
export interface ReportFacts {
  kind: string;
  definitionVersion: number;
  policy: RoutingPolicy;
  state: ReportState;
  presentedBy: string | null;
  signerId: string | null;
  organisation?: ReportWithOrganisation['organisation'];
  receiver?: ReceivingAgency | null;
  sections: PartFacts[];
}

interface Offer<G extends string> {
  type: WorkflowEventType;
  guards: readonly G[];
}
interface PartOffer {
  type: WorkflowEventType;
  reportGuards: readonly ReportGuardName[];
  guards: readonly SectionGuardName[];
  /** The part's state after the event. */
  to: SectionState;
}
interface Table {
  /** Report events (not part events) each report state accepts, in `allowedEvents`' order. */
  report: Map<string, Offer<ReportGuardName>[]>;
  /** Part events accepted in (report state, part state), with the report's then the part's guards. */
  section: Map<string, PartOffer[]>;
}

const REPORT_EVENTS = (Object.keys(EVENT_LABELS) as WorkflowEventType[]).filter((t) => !isSectionEvent(t));
const TABLES = new Map<string, Table>();

/** The transition table of one machine shape, built once (the rules depend only on these two flags). */
function tableFor(policy: RoutingPolicy, headReview: boolean): Table {
  const key = `${policy.formatCheck ? 1 : 0}${headReview && policy.headAcceptance ? 1 : 0}`;
  const hit = TABLES.get(key);
  if (hit) return hit;
  const rRules = reportRules(policy);
  const sRules = sectionRules(policy, { version: 0, description: '', reportStateNames: {}, headReview });
  const find = <R extends { event: WorkflowEventType; from: readonly string[] }>(rules: readonly R[], s: string, e: WorkflowEventType) =>
    rules.find((r) => r.event === e && r.from.includes(s));
  const rStates = [...new Set(rRules.flatMap((r) => r.from))];
  const sStates = [...new Set(sRules.flatMap((r) => r.from))];
  const table: Table = { report: new Map(), section: new Map() };
  for (const rs of rStates) {
    const offers: Offer<ReportGuardName>[] = [];
    for (const type of REPORT_EVENTS) {
      const rule = find(rRules, rs, type);
      if (rule) offers.push({ type, guards: rule.guards });
    }
    table.report.set(rs, offers);
    for (const ss of sStates) {
      const list: PartOffer[] = [];
      for (const type of SECTION_EVENTS) {
        const rRule = find(rRules, rs, type);
        const sRule = find(sRules, ss, type);
        if (rRule && sRule) list.push({ type, reportGuards: rRule.guards, guards: sRule.guards, to: sRule.to ?? ss });
      }
      if (list.length) table.section.set(`${rs} ${ss}`, list);
    }
  }
  TABLES.set(key, table);
  return table;
}

/** The events `actor` may send now: exactly `allowedEvents` of the record these facts describe. */
export function offeredEvents(facts: ReportFacts, actor: WorkflowActor, now: Date): AllowedEvent[] {
  const spec = getDefinition(facts.definitionVersion);
  if (!spec) return [];
  const { policy } = facts;
  const table = tableFor(policy, spec.headReview);
  const out: AllowedEvent[] = [];
  const reportOffers = table.report.get(facts.state) ?? [];
  const anySection = facts.sections.some((s) => table.section.has(`${facts.state} ${s.state}`));
  if (!reportOffers.length && !anySection) return out;
  const mev: MachineEvent = {
    type: 'reminder',
    actor,
    at: now.toISOString(),
    reportKind: facts.kind,
    organisation: signingOrganisationFor(policy, facts.organisation),
    sections: facts.sections.map(({ id, unit, state, figureFindings }) =>
      figureFindings?.length ? { id, unit, state, findings: figureFindings } : { id, unit, state },
    ),
    ...(facts.receiver ? { receiver: facts.receiver } : {}),
    comment: '…',
  };
  // Only the fields the report guards read (notPresenter, isSignerOrOriginalSigner).
  const rContext = {
    presentedBy: facts.presentedBy,
    signature: facts.signerId ? { signerId: facts.signerId } : null,
  } as ReportContext;
  const passes = (guards: readonly ReportGuardName[], event: MachineEvent) =>
    guards.every((g) => REPORT_GUARDS[g].check({ policy, context: rContext, event }));
  for (const o of reportOffers) {
    if (passes(o.guards, { ...mev, type: o.type })) out.push(offer(o.type, o.guards.includes('hasComment')));
  }
  facts.sections.forEach((s, i) => {
    const list = table.section.get(`${facts.state} ${s.state}`);
    if (!list) return;
    // Only the fields the part guards read (isSectionDrafter, isSectionHead, notSubmitter, figuresAnswered).
    const sContext = { id: s.id, unit: s.unit, assigneeId: s.assigneeId, submittedBy: s.submittedBy } as SectionContext;
    for (const o of list) {
      const event: MachineEvent = { ...mev, type: o.type, sectionId: s.id };
      if (!o.guards.every((g) => SECTION_GUARDS[g].check({ policy, context: sContext, event }))) continue;
      // The report's guards see the part already moved (as `decide` does); none of them reads it today, and
      // part events carry none yet: the moved copy is made only for guards that exist.
      const after = (): MachineEvent => ({ ...event, sections: event.sections.map((x, j) => (j === i ? { ...x, state: o.to } : x)) });
      if (!o.reportGuards.length || passes(o.reportGuards, after()))
        out.push(offer(o.type, [...o.reportGuards, ...o.guards].includes('hasComment'), s.id));
    }
  });
  return out;
}

function offer(type: WorkflowEventType, commentRequired: boolean, sectionId?: string): AllowedEvent {
  return { type, ...(sectionId ? { sectionId } : {}), commentRequired, label: EVENT_LABELS[type] };
}

/** The facts of a record, read from its persisted snapshots' JSON (no XState): what the API's rows hold too. */
export function factsOf(report: ReportWithOrganisation): ReportFacts | null {
  const spec = getDefinition(report.definitionVersion);
  const snap = report.snapshot as { value?: unknown; context?: Partial<ReportContext> } | null;
  if (!spec || typeof snap?.value !== 'string') return null;
  return {
    kind: report.kind,
    definitionVersion: report.definitionVersion,
    policy: report.policy,
    state: contractStateName(spec, snap.value),
    presentedBy: snap.context?.presentedBy ?? null,
    signerId: snap.context?.signature?.signerId ?? null,
    ...(report.organisation ? { organisation: report.organisation } : {}),
    ...(report.receiver !== undefined ? { receiver: report.receiver } : {}),
    sections: report.sections.map((s) => {
      const ss = s.snapshot as { value: SectionState; context: SectionContext };
      return {
        id: s.id,
        state: ss.value,
        unit: ss.context.unit,
        assigneeId: ss.context.assigneeId,
        submittedBy: ss.context.submittedBy ?? null,
        ...(s.figureFindings ? { figureFindings: s.figureFindings } : {}),
      };
    }),
  };
}
