/**
 * Persistence of machine snapshots as plain JSON (what `getPersistedSnapshot` returns), and their
 * restoration with `machine.resolveState` — no actor is created, nothing runs.
 */
import type { ReportState, SectionState } from './contract';
import { contractStateName, getDefinition } from './definitions';
import type { ReportMachine, SectionMachine } from './machines';
import type { ReportContext, SectionContext } from './types';

/** The stored form of a snapshot. */
export interface PersistedSnapshot<C> {
  value: string;
  context: C;
  status: 'active' | 'done' | 'error' | 'stopped';
}

type ReportSnapshot = ReturnType<ReportMachine['resolveState']>;
type SectionSnapshot = ReturnType<SectionMachine['resolveState']>;

/** The JSON to store: `getPersistedSnapshot`, reduced to what restoring needs. */
export function persist<C>(snapshot: ReportSnapshot | SectionSnapshot): PersistedSnapshot<C> {
  const p = (snapshot.machine as { getPersistedSnapshot(s: unknown): unknown }).getPersistedSnapshot(snapshot) as PersistedSnapshot<C>;
  // A deep, JSON-only copy: what the database returns is what we hand out.
  return JSON.parse(JSON.stringify({ value: p.value, context: p.context, status: p.status })) as PersistedSnapshot<C>;
}

export function isPersisted(x: unknown): x is PersistedSnapshot<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o['value'] === 'string' && typeof o['context'] === 'object' && o['context'] !== null;
}

export function restoreReport(machine: ReportMachine, stored: unknown) {
  if (!isPersisted(stored)) throw new Error('Not a persisted report snapshot');
  return machine.resolveState({ value: stored.value, context: stored.context as ReportContext });
}

export function restoreSection(machine: SectionMachine, stored: unknown) {
  if (!isPersisted(stored)) throw new Error('Not a persisted section snapshot');
  return machine.resolveState({ value: stored.value, context: stored.context as SectionContext });
}

/** The report's state in the contract's names, whatever definition version stored it. */
export function reportState(snapshot: unknown): ReportState {
  if (!isPersisted(snapshot)) throw new Error('Not a persisted report snapshot');
  const version = (snapshot.context as Partial<ReportContext>).definitionVersion;
  const spec = typeof version === 'number' ? getDefinition(version) : undefined;
  return spec ? contractStateName(spec, snapshot.value) : (snapshot.value as ReportState);
}

export function sectionState(snapshot: unknown): SectionState {
  if (!isPersisted(snapshot)) throw new Error('Not a persisted section snapshot');
  return snapshot.value as SectionState;
}

/** The report machine's context (revision, signature, overdue…), for display. */
export function reportContext(snapshot: unknown): ReportContext {
  if (!isPersisted(snapshot)) throw new Error('Not a persisted report snapshot');
  return snapshot.context as ReportContext;
}

export function sectionContext(snapshot: unknown): SectionContext {
  if (!isPersisted(snapshot)) throw new Error('Not a persisted section snapshot');
  return snapshot.context as SectionContext;
}
