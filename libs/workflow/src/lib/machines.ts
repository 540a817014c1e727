/**
 * The two XState machines, built from a routing policy and a definition version. Guards and actions
 * are named in `setup`, so a transition reads like the rulebook ("sign: isSigner and notPresenter").
 * Effects are announced with the `effect` action; `transition()` returns them without running anything.
 */
import { and, assign, setup } from 'xstate';
import { signingAuthority } from './authority';
import type { ReportState, RoutingPolicy } from './contract';
import { type DefinitionSpec, getDefinition, storedStateName } from './definitions';
import { REPORT_GUARDS, SECTION_GUARDS } from './guards';
import { FINAL_REPORT_STATES, type Rule, type StructuralEffect, reportRules, sectionRules } from './rules';
import type { GuardInput, MachineEvent, ReportContext, SectionContext } from './types';

export interface SectionInput {
  id: string;
  unit: SectionContext['unit'];
  assigneeId: string | null;
}

type GuardTable<C> = Record<string, { check: (input: GuardInput<C>) => boolean }>;

function namedGuards<C>(policy: RoutingPolicy, table: GuardTable<C>) {
  return Object.fromEntries(
    Object.entries(table).map(([name, g]) => [
      name,
      ({ context, event }: { context: C; event: MachineEvent }) => g.check({ policy, context, event }),
    ]),
  );
}

interface StateConfig {
  type?: 'final';
  on: Record<string, { target?: string; guard?: unknown; actions: unknown[] }>;
}

/** Turns a transition table into XState `states` config. */
function statesFrom(
  rules: readonly Rule<string, string, string>[],
  initial: string,
  finals: readonly string[],
  rename: (s: string) => string,
): Record<string, StateConfig> {
  const states: Record<string, StateConfig> = {};
  const touch = (s: string) => (states[rename(s)] ??= finals.includes(s) ? { type: 'final', on: {} } : { on: {} });
  touch(initial);
  for (const rule of rules) {
    if (rule.to) touch(rule.to);
    for (const from of rule.from) {
      touch(from).on[rule.event] = {
        ...(rule.to ? { target: rename(rule.to) } : {}),
        ...(rule.guards.length ? { guard: and([...rule.guards]) } : {}),
        actions: [...(rule.actions ?? []), ...(rule.effects ?? []).map((effect) => ({ type: 'effect', params: { effect } }))],
      };
    }
  }
  return states;
}

function trimmed(comment: string | undefined): string | null {
  const t = comment?.trim();
  return t ? t : null;
}

export function buildReportMachine(policy: RoutingPolicy, spec: DefinitionSpec) {
  const rename = (s: string) => storedStateName(spec, s as ReportState);
  const states = statesFrom(reportRules(policy), 'draft', FINAL_REPORT_STATES, rename);
  return setup({
    types: {
      context: {} as ReportContext,
      events: {} as MachineEvent,
    },
    guards: namedGuards(policy, REPORT_GUARDS as GuardTable<ReportContext>),
    actions: {
      rememberComment: assign({ lastComment: ({ event }) => trimmed(event.comment) }),
      markPresented: assign({ presentedBy: ({ event }) => event.actor.userId, formatApprovedBy: null }),
      markFormatApproved: assign({ formatApprovedBy: ({ event }) => event.actor.userId }),
      recordSignature: assign({
        signature: ({ event }) => {
          const s = signingAuthority(policy, event.actor, event.reportKind, new Date(event.at), event.organisation);
          if (!s.ok) throw new Error(`recordSignature without authority: ${s.reason}`);
          return { signerId: event.actor.userId, name: s.name, lines: s.lines, at: event.at, delegation: s.delegation ?? null };
        },
      }),
      clearSignature: assign({ signature: null }),
      newRevision: assign({
        revision: ({ context }) => context.revision + 1,
        signature: null,
        presentedBy: null,
        formatApprovedBy: null,
      }),
      markCancelled: assign({ cancelReason: ({ event }) => trimmed(event.comment) }),
      markOverdue: assign({ overdue: true }),
      // Announces an effect; `transition()` hands it back to `decide`, nothing runs here.
      effect: (_args, params: { effect: StructuralEffect }) => void params,
    },
  }).createMachine({
    id: `report.v${spec.version}.${policy.code}`,
    initial: 'draft',
    context: {
      definitionVersion: spec.version,
      revision: 1,
      presentedBy: null,
      formatApprovedBy: null,
      signature: null,
      lastComment: null,
      cancelReason: null,
      overdue: false,
    },
    // Built from the table above; XState's config typing cannot follow a generated object.
    states: states as never,
  });
}

export function buildSectionMachine(policy: RoutingPolicy, spec: DefinitionSpec) {
  const states = statesFrom(sectionRules(policy, spec), 'assigned', [], (s) => s);
  return setup({
    types: {
      context: {} as SectionContext,
      events: {} as MachineEvent,
      input: {} as SectionInput,
    },
    guards: namedGuards(policy, SECTION_GUARDS as GuardTable<SectionContext>),
    actions: {
      rememberComment: assign({ lastComment: ({ event }) => trimmed(event.comment) }),
      markSubmitted: assign({
        submittedBy: ({ event }) => event.actor.userId,
        headAcceptedBy: null,
        acceptedBy: null,
        lastComment: null,
      }),
      markHeadAccepted: assign({ headAcceptedBy: ({ event }) => event.actor.userId }),
      markAccepted: assign({ acceptedBy: ({ event }) => event.actor.userId }),
      clearAcceptance: assign({ acceptedBy: null, headAcceptedBy: null }),
      // Announces an effect; `transition()` hands it back to `decide`, nothing runs here.
      effect: (_args, params: { effect: StructuralEffect }) => void params,
    },
  }).createMachine({
    id: `section.v${spec.version}.${policy.code}`,
    initial: 'assigned',
    context: ({ input }) => ({
      definitionVersion: spec.version,
      id: input.id,
      unit: input.unit,
      assigneeId: input.assigneeId,
      submittedBy: null,
      headAcceptedBy: null,
      acceptedBy: null,
      lastComment: null,
    }),
    states: states as never,
  });
}

export type ReportMachine = ReturnType<typeof buildReportMachine>;
export type SectionMachine = ReturnType<typeof buildSectionMachine>;

export interface Machines {
  spec: DefinitionSpec;
  report: ReportMachine;
  section: SectionMachine;
}

const cache = new Map<string, Machines>();
const byObject = new WeakMap<RoutingPolicy, Map<number, Machines>>();

/** The machines of a definition version for a policy (memoised by content; building is cheap but not free). */
export function machinesFor(policy: RoutingPolicy, version: number): Machines {
  const hit = byObject.get(policy)?.get(version);
  if (hit) return hit;
  const spec = getDefinition(version);
  if (!spec) throw new Error(`Unknown workflow definition version ${version}`);
  const key = `${version}|${JSON.stringify(policy)}`;
  let m = cache.get(key);
  if (!m) {
    if (cache.size > 500) cache.clear();
    m = { spec, report: buildReportMachine(policy, spec), section: buildSectionMachine(policy, spec) };
    cache.set(key, m);
  }
  if (!byObject.has(policy)) byObject.set(policy, new Map());
  byObject.get(policy)?.set(version, m);
  return m;
}
