/** A new report's workflow records: the report in `draft`, its sections `assigned` (the machines' initial states). */
import type { UnitCode } from '@trinhky/domain';
import { initialTransition } from 'xstate';
import type { ReportState, RoutingPolicy, SectionRecord } from './contract';
import { CURRENT_DEFINITION_VERSION } from './definitions';
import { machinesFor } from './machines';
import { persist } from './snapshots';
import type { ReportContext, SectionContext } from './types';

export interface NewSection {
  id: string;
  unit: UnitCode;
  assigneeId: string | null;
}

export interface CreatedWorkflow {
  reportSnapshot: unknown;
  sections: SectionRecord[];
  state: ReportState;
  definitionVersion: number;
}

/** A new report in `draft`, its sections `assigned`. */
export function createReportWorkflow(
  policy: RoutingPolicy,
  sections: NewSection[],
  definitionVersion: number = CURRENT_DEFINITION_VERSION,
): CreatedWorkflow {
  const ids = new Set<string>();
  for (const s of sections) {
    if (ids.has(s.id)) throw new Error(`Duplicate section id ${s.id}`);
    ids.add(s.id);
  }
  const m = machinesFor(policy, definitionVersion);
  const [report] = initialTransition(m.report);
  return {
    reportSnapshot: persist<ReportContext>(report),
    sections: sections.map((s) => ({ ...s, snapshot: persist<SectionContext>(initialTransition(m.section, s)[0]) })),
    state: 'draft',
    definitionVersion,
  };
}

/** A section added to a report after it was created (while collecting): its record, `assigned`. */
export function createSectionRecord(policy: RoutingPolicy, definitionVersion: number, section: NewSection): SectionRecord {
  const m = machinesFor(policy, definitionVersion);
  return { ...section, snapshot: persist<SectionContext>(initialTransition(m.section, section)[0]) };
}
