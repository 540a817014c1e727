/**
 * What every evaluation of one record shares (its machines, rules and restored snapshots, computed once
 * per record so `allowedEvents` does not restore them per event), and the guard walk that names the
 * first failing guard's refusal.
 */
import type { ReportRecord, ReportState } from './contract';
import { contractStateName } from './definitions';
import type { Refusal } from './guards';
import { type Machines, machinesFor } from './machines';
import type { SectionView } from './notify';
import { type ReportRule, type SectionRule, reportRules, sectionRules } from './rules';
import { isPersisted, restoreReport, restoreSection } from './snapshots';
import type { GuardInput, SectionFact } from './types';

export function refuse(code: Refusal['code'], reason: string): Refusal {
  return { code, reason };
}

export function firstFailing<C>(
  guards: readonly string[],
  table: Record<string, { check: (i: GuardInput<C>) => boolean; refusal: (i: GuardInput<C>) => Refusal }>,
  input: GuardInput<C>,
): Refusal | null {
  for (const name of guards) {
    const g = table[name];
    if (!g.check(input)) return g.refusal(input);
  }
  return null;
}

/** What every evaluation of one record shares: its machines, rules and restored snapshots (computed once). */
export interface Prepared {
  m: Machines;
  from: ReportState;
  reportSnap: ReturnType<typeof restoreReport>;
  /** A part's restored snapshot, restored on first use: an event moves one part, and restoring all of them cost more than deciding. */
  sectionSnap: (index: number) => ReturnType<typeof restoreSection>;
  views: readonly SectionView[];
  /** The machine event's `sections` before the event (each evaluation copies the array and replaces the one it moves). */
  facts: readonly SectionFact[];
  rRules: ReportRule[];
  sRules: SectionRule[];
}

export function prepare(report: ReportRecord): Prepared | Refusal {
  let m: Machines;
  try {
    m = machinesFor(report.policy, report.definitionVersion);
  } catch {
    return refuse('invalid', `Phiên bản quy trình ${report.definitionVersion} không còn được hỗ trợ.`);
  }
  const reportSnap = restoreReport(m.report, report.snapshot);
  const restored = new Map<number, ReturnType<typeof restoreSection>>();
  const sectionSnap = (i: number) => {
    let snap = restored.get(i);
    if (!snap) restored.set(i, (snap = restoreSection(m.section, report.sections[i].snapshot)));
    return snap;
  };
  // A part's state is its persisted value (what restoring it gives back); every snapshot is checked to be one.
  const views = report.sections.map((s): SectionView => {
    if (!isPersisted(s.snapshot)) throw new Error('Not a persisted section snapshot');
    return {
      id: s.id,
      unit: s.unit,
      assigneeId: s.assigneeId,
      ...(s.title ? { title: s.title } : {}),
      state: String(s.snapshot.value) as SectionView['state'],
    };
  });
  return {
    m,
    from: contractStateName(m.spec, String(reportSnap.value)),
    reportSnap,
    sectionSnap,
    views,
    facts: views.map(({ id, unit, state }, i) => {
      const findings = report.sections[i].figureFindings;
      return findings?.length ? { id, unit, state, findings } : { id, unit, state };
    }),
    rRules: reportRules(report.policy),
    sRules: sectionRules(report.policy, m.spec),
  };
}
