/** Internal types of the machines: their context and the event they receive. */
import type { UnitCode } from '@trinhky/domain';
import type { SigningOrganisation } from './authority';
import type { Delegation, FigureIssue, ReceivingAgency, RoutingPolicy, SectionState, WorkflowActor, WorkflowEventType } from './contract';

/** What the report machine knows about its sections when an event arrives (their snapshots are kept apart). */
export interface SectionFact {
  id: string;
  unit: UnitCode;
  state: SectionState;
  findings?: FigureIssue[];
}

/**
 * The event the machines receive: the caller's event plus the facts guards need (who, when, the
 * sections' states). Everything is plain JSON so snapshots and events can be stored.
 */
export interface MachineEvent {
  type: WorkflowEventType;
  actor: WorkflowActor;
  /** ISO instant of the decision. */
  at: string;
  reportKind: string;
  organisation: SigningOrganisation;
  sections: SectionFact[];
  /** The receiving agency in the system (receipt and refusal are its văn thư's); absent: outside it. */
  receiver?: ReceivingAgency;
  sectionId?: string;
  comment?: string;
  payload?: Record<string, unknown>;
}

export interface RecordedSignature {
  signerId: string;
  name: string;
  lines: string[];
  at: string;
  delegation: Delegation | null;
}

export interface ReportContext {
  definitionVersion: number;
  /** 1 for the first version; +1 each time the recipient refuses the report. */
  revision: number;
  /** Who presented the report (sent it to format check or for signature). */
  presentedBy: string | null;
  formatApprovedBy: string | null;
  signature: RecordedSignature | null;
  lastComment: string | null;
  cancelReason: string | null;
  overdue: boolean;
}

export interface SectionContext {
  definitionVersion: number;
  id: string;
  unit: UnitCode;
  assigneeId: string | null;
  submittedBy: string | null;
  headAcceptedBy: string | null;
  acceptedBy: string | null;
  lastComment: string | null;
}

export interface GuardInput<C> {
  policy: RoutingPolicy;
  context: C;
  event: MachineEvent;
}
