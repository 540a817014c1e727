/**
 * Model-based tests: `xstate/graph` explores the whole workflow (report + sections, every actor of
 * the cast, every event `allowedEvents` offers) for each policy; each generated path is then replayed
 * through `decide` from a fresh report, checking the properties that matter on every step.
 */
import { fromTransition } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { allowedEvents, decide, may } from './answers';
import { signingAuthority } from './authority';
import type { Decision, ReportRecord, ReportState, RoutingPolicy, WorkflowEvent, WorkflowEventType } from './contract';
import { EVENT_LABELS } from './labels';
import { POLICY_CHAIR_SIGNS, POLICY_FULL, POLICY_VHXH_PCT } from './policies';
import { isSectionEvent } from './rules';
import { reportContext, reportState, sectionContext, sectionState } from './snapshots';
import { CAST, type CastKey, NOW, apply, newReport } from '../testing/fixtures';

interface ModelEvent {
  type: WorkflowEventType;
  as: CastKey;
  sectionId?: string;
  comment?: string;
}

const MODEL_CAST: CastKey[] = [
  'drafterVP',
  'headVP',
  'drafterKT',
  'headKT',
  'compiler',
  'formatChecker',
  'pctVhxh',
  'pctKt',
  'chair',
  'clerk',
  'system',
];
const TWO_SECTIONS = [
  { id: 'II.1', unit: 'VP' as const, assigneeId: null },
  { id: 'II.5', unit: 'KT' as const, assigneeId: 'u-kt-cv' },
];
const RETURNS: WorkflowEventType[] = ['return_section', 'head_return_section', 'return_report', 'revoke_signature', 'refuse', 'cancel'];
const AFTER_COLLECTING: ReportState[] = [
  'compiling',
  'format_check',
  'awaiting_signature',
  'signed',
  'returned',
  'issued',
  'submitted',
  'acknowledged',
];

const toEvent = (e: ModelEvent): WorkflowEvent => ({
  type: e.type,
  ...(e.sectionId ? { sectionId: e.sectionId } : {}),
  ...(e.comment ? { comment: e.comment } : {}),
});

/** What distinguishes two workflow states for behaviour (revision number and overdue flag do not). */
function key(r: ReportRecord): string {
  const c = reportContext(r.snapshot);
  return JSON.stringify([
    reportState(r.snapshot),
    c.presentedBy,
    c.formatApprovedBy,
    c.signature?.signerId ?? null,
    r.sections.map((s) => [sectionState(s.snapshot), sectionContext(s.snapshot).submittedBy]),
  ]);
}

function workflowLogic(initial: ReportRecord) {
  return fromTransition((state: ReportRecord, e: ModelEvent) => {
    const d = decide(state, CAST[e.as], toEvent(e), NOW);
    return d.ok ? apply(state, d) : state;
  }, initial);
}

function offered(r: ReportRecord): ModelEvent[] {
  return MODEL_CAST.flatMap((as) =>
    allowedEvents(r, CAST[as], NOW).map((a) => ({
      type: a.type,
      as,
      ...(a.sectionId ? { sectionId: a.sectionId } : {}),
      ...(a.commentRequired ? { comment: 'Ý kiến cụ thể' } : {}),
    })),
  );
}

function explore(policy: RoutingPolicy, sections = TWO_SECTIONS, version?: number, simple = false) {
  const initial = newReport(policy, sections, version);
  const options = {
    events: (s: { context: ReportRecord }) => offered(s.context),
    serializeState: (s: { context: ReportRecord }) => key(s.context),
  };
  const logic = workflowLogic(initial);
  const paths = simple ? getSimplePaths(logic, options) : getShortestPaths(logic, options);
  return {
    initial,
    paths: paths.map((p) => ({ events: p.steps.map((s) => s.event).filter((e): e is ModelEvent => !!e.as), end: p.state.context })),
  };
}

/** Replays a path through `decide`, checking the properties on every step; returns the decisions. */
function replay(initial: ReportRecord, events: ModelEvent[], roundTrip: boolean): Decision[] {
  let r = initial;
  let signatureValid = false;
  const decisions: Decision[] = [];
  for (const e of events) {
    if (roundTrip) r = JSON.parse(JSON.stringify(r)) as ReportRecord;
    const actor = CAST[e.as];
    const d = decide(r, actor, toEvent(e), NOW);
    if (!d.ok) throw new Error(`step ${e.as}:${e.type} refused: ${d.reason}`);
    decisions.push(d);

    // Every return carries a comment, and the same step without one is refused.
    if (RETURNS.includes(e.type)) {
      expect(e.comment?.trim()).toBeTruthy();
      const bare = may(r, actor, { ...toEvent(e), comment: undefined }, NOW);
      expect(bare.ok === false && bare.code).toBe('invalid');
    }
    // Nothing is issued without a valid signature.
    for (const eff of d.effects) {
      if (eff.type === 'record_signature') {
        const signer = Object.values(CAST).find((a) => a.userId === eff.signerId);
        const auth = signer && signingAuthority(r.policy, signer, r.kind, NOW);
        expect(auth && auth.ok && auth.lines).toEqual(eff.lines);
        signatureValid = true;
      }
      if (eff.type === 'revoke_signature' || eff.type === 'new_revision') signatureValid = false;
    }
    if (d.reportTo === 'issued') {
      expect(signatureValid).toBe(true);
      expect(reportContext(r.snapshot).signature).not.toBeNull();
      expect(d.effects).toContainEqual({ type: 'assign_number' });
    }
    r = apply(r, d);
    // Nothing gets past collecting (let alone signed) while a section is not accepted.
    if (AFTER_COLLECTING.includes(reportState(r.snapshot))) {
      expect(r.sections.map((s) => sectionState(s.snapshot)).every((s) => s === 'accepted')).toBe(true);
    }
    if (['signed', 'issued', 'submitted', 'acknowledged'].includes(reportState(r.snapshot))) {
      expect(reportContext(r.snapshot).signature).not.toBeNull();
    }
  }
  return decisions;
}

/** allowedEvents ⇔ decide: every offered event succeeds, every other one is refused (with a reason). Returns mismatches. */
function inconsistencies(r: ReportRecord): string[] {
  const allowed = new Set(offered(r).map((e) => `${e.as}|${e.type}|${e.sectionId ?? ''}`));
  const bad: string[] = [];
  for (const as of MODEL_CAST) {
    for (const type of Object.keys(EVENT_LABELS) as WorkflowEventType[]) {
      for (const sectionId of isSectionEvent(type) ? r.sections.map((s) => s.id) : [undefined]) {
        const k = `${as}|${type}|${sectionId ?? ''}`;
        const result = may(r, CAST[as], toEvent({ type, as, sectionId, comment: 'Ý kiến cụ thể' }), NOW);
        if (result.ok !== allowed.has(k) || (!result.ok && result.reason.length < 10)) bad.push(`${key(r)} ${k}`);
      }
    }
  }
  return bad;
}

const CASES: Array<[string, RoutingPolicy, number | undefined, ReportState[]]> = [
  ['VHXH_PCT', POLICY_VHXH_PCT, undefined, ['format_check']],
  ['CHAIR_SIGNS', POLICY_CHAIR_SIGNS, undefined, ['format_check']],
  ['FULL', POLICY_FULL, undefined, []],
  ['FULL under definition v1', POLICY_FULL, 1, []],
];

describe.each(CASES)('model: %s', (_name, policy, version, unreachable) => {
  const { initial, paths } = explore(policy, TWO_SECTIONS, version);

  it('reaches every report state the policy has', () => {
    const reached = new Set(paths.map((p) => reportState(p.end.snapshot)));
    const expected = (
      [
        'draft',
        'collecting',
        'compiling',
        'format_check',
        'awaiting_signature',
        'signed',
        'returned',
        'issued',
        'submitted',
        'acknowledged',
        'cancelled',
      ] as ReportState[]
    ).filter((s) => !unreachable.includes(s));
    expect([...reached].sort()).toEqual([...expected].sort());
    const sectionStates = new Set(paths.flatMap((p) => p.end.sections.map((s) => sectionState(s.snapshot))));
    expect(sectionStates.has('head_review')).toBe(policy.headAcceptance && (version ?? 2) >= 2);
  });

  it('every path replays through decide with the properties holding, identically after persist/restore at every step', () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) {
      const plain = replay(initial, p.events, false);
      const restored = replay(initial, p.events, true);
      expect(restored).toEqual(plain);
    }
  });

  it('in every reachable state, allowedEvents and decide agree for every actor and event', () => {
    expect(paths.flatMap((p) => inconsistencies(p.end))).toEqual([]);
  });
});

describe('model: simple paths (one section, FULL policy)', () => {
  it('every simple path replays with the properties holding', () => {
    const { initial, paths } = explore(POLICY_FULL, [TWO_SECTIONS[0]], undefined, true);
    expect(paths.length).toBeGreaterThan(50);
    for (const p of paths) expect(replay(initial, p.events, true)).toEqual(replay(initial, p.events, false));
  });
});
