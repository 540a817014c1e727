/**
 * Transition tables of the two lifecycles, in the contract's state names. The machines are built
 * from these tables (filtered by the routing policy and the definition version), and `decide` reads
 * the same tables to explain a refusal: one source for both the behaviour and its explanation.
 */
import { REPORT_STATES } from '@trinhky/domain';
import type { ReportState, RoutingPolicy, SectionEventType, SectionState, WorkflowEventType } from './contract';
import type { DefinitionSpec } from './definitions';
import type { ReportGuardName, SectionGuardName } from './guards';

/** Effects a transition announces; `decide` turns them into `WorkflowEffect`s. */
export type StructuralEffect =
  'assign_number' | 'revoke_signature' | 'record_signature' | 'freeze_signed_version' | 'new_revision' | 'deliver';

export type ReportActionName =
  | 'rememberComment'
  | 'markPresented'
  | 'markFormatApproved'
  | 'recordSignature'
  | 'clearSignature'
  | 'newRevision'
  | 'markCancelled'
  | 'markOverdue';

export type SectionActionName = 'rememberComment' | 'markSubmitted' | 'markHeadAccepted' | 'markAccepted' | 'clearAcceptance';

export interface Rule<S extends string, G extends string, A extends string> {
  event: WorkflowEventType;
  from: readonly S[];
  /** Absent: the state does not change. */
  to?: S;
  /** Checked in order; the first that fails explains the refusal. */
  guards: readonly G[];
  actions?: readonly A[];
  effects?: readonly StructuralEffect[];
}

export type ReportRule = Rule<ReportState, ReportGuardName, ReportActionName>;
export type SectionRule = Rule<SectionState, SectionGuardName, SectionActionName>;

export const SECTION_EVENTS: readonly SectionEventType[] = [
  'start_drafting',
  'submit_section',
  'head_accept_section',
  'head_return_section',
  'accept_section',
  'return_section',
];

export function isSectionEvent(type: WorkflowEventType): type is SectionEventType {
  return (SECTION_EVENTS as readonly string[]).includes(type);
}

/** States from which the report can still be cancelled (everything before issuing). */
export const CANCELLABLE: readonly ReportState[] = ['draft', 'collecting', 'compiling', 'format_check', 'awaiting_signature', 'returned'];
export const FINAL_REPORT_STATES: readonly ReportState[] = ['acknowledged', 'cancelled'];
/** Every state a report can still move from: the reminders and the overdue mark apply to these. */
const LIVE: readonly ReportState[] = REPORT_STATES.filter((s) => !FINAL_REPORT_STATES.includes(s));

export function reportRules(policy: RoutingPolicy): ReportRule[] {
  const rules: ReportRule[] = [
    { event: 'open_collection', from: ['draft'], to: 'collecting', guards: ['isCompiler'] },
    // Section work happens while collecting; the section machine decides who may do it.
    ...SECTION_EVENTS.map((event): ReportRule => ({ event, from: ['collecting'], guards: [] })),
    // Returning an accepted section while compiling reopens collection.
    { event: 'return_section', from: ['compiling'], to: 'collecting', guards: [], actions: ['rememberComment'] },
    { event: 'start_compiling', from: ['collecting'], to: 'compiling', guards: ['isCompiler', 'allSectionsAccepted'] },
  ];
  if (policy.formatCheck) {
    rules.push(
      { event: 'send_to_format_check', from: ['compiling'], to: 'format_check', guards: ['isCompiler'], actions: ['markPresented'] },
      {
        event: 'approve_format',
        from: ['format_check'],
        to: 'awaiting_signature',
        guards: ['isFormatChecker', 'notPresenter'],
        actions: ['markFormatApproved'],
      },
      {
        event: 'return_report',
        from: ['format_check'],
        to: 'compiling',
        guards: ['isFormatChecker', 'hasComment'],
        actions: ['rememberComment'],
      },
    );
  } else {
    rules.push({
      event: 'send_for_signature',
      from: ['compiling'],
      to: 'awaiting_signature',
      guards: ['isCompiler'],
      actions: ['markPresented'],
    });
  }
  rules.push(
    {
      event: 'return_report',
      from: ['awaiting_signature'],
      to: 'compiling',
      guards: ['isSigner', 'hasComment'],
      actions: ['rememberComment'],
    },
    {
      event: 'sign',
      from: ['awaiting_signature'],
      to: 'signed',
      guards: ['isSigner', 'notPresenter', 'figuresAnswered'],
      actions: ['recordSignature'],
      effects: ['record_signature', 'freeze_signed_version'],
    },
    {
      event: 'revoke_signature',
      from: ['signed'],
      to: 'returned',
      guards: ['isSignerOrOriginalSigner', 'hasComment'],
      actions: ['rememberComment', 'clearSignature'],
      effects: ['revoke_signature'],
    },
    { event: 'resume_compiling', from: ['returned'], to: 'compiling', guards: ['isCompiler'] },
    { event: 'issue', from: ['signed'], to: 'issued', guards: ['isClerk'], effects: ['assign_number'] },
    // Dispatching delivers the issued report into the receiving agency's incoming register when it is in the system.
    { event: 'dispatch', from: ['issued'], to: 'submitted', guards: ['isClerk'], effects: ['deliver'] },
    // Receipt and refusal: by the receiving agency's văn thư when it is in the system, else recorded by the sender's.
    { event: 'acknowledge', from: ['submitted'], to: 'acknowledged', guards: ['isReceiptRecorder'] },
    {
      event: 'refuse',
      from: ['submitted'],
      to: 'compiling',
      guards: ['isReceiptRecorder', 'hasComment'],
      actions: ['rememberComment', 'newRevision'],
      effects: ['new_revision'],
    },
    { event: 'cancel', from: CANCELLABLE, to: 'cancelled', guards: ['isCompiler', 'hasComment'], actions: ['markCancelled'] },
    // A signed report cancelled before issuing loses its signature.
    {
      event: 'cancel',
      from: ['signed'],
      to: 'cancelled',
      guards: ['isCompiler', 'hasComment'],
      actions: ['markCancelled', 'clearSignature'],
      effects: ['revoke_signature'],
    },
    { event: 'reminder', from: LIVE, guards: ['isSystem'] },
    { event: 'overdue', from: LIVE, guards: ['isSystem'], actions: ['markOverdue'] },
  );
  return rules;
}

export function sectionRules(policy: RoutingPolicy, spec: DefinitionSpec): SectionRule[] {
  const headReview = spec.headReview && policy.headAcceptance;
  const rules: SectionRule[] = [
    { event: 'start_drafting', from: ['assigned', 'returned'], to: 'drafting', guards: ['isSectionDrafter'] },
    {
      event: 'submit_section',
      from: ['drafting'],
      to: headReview ? 'head_review' : 'submitted',
      guards: ['isSectionDrafter', 'figuresAnswered'],
      actions: ['markSubmitted'],
    },
  ];
  if (headReview) {
    rules.push(
      {
        event: 'head_accept_section',
        from: ['head_review'],
        to: 'submitted',
        guards: ['isSectionHead', 'notSubmitter'],
        actions: ['markHeadAccepted'],
      },
      {
        event: 'head_return_section',
        from: ['head_review'],
        to: 'returned',
        guards: ['isSectionHead', 'hasComment'],
        actions: ['rememberComment'],
      },
    );
  }
  rules.push(
    { event: 'accept_section', from: ['submitted'], to: 'accepted', guards: ['isCompiler', 'notSubmitter'], actions: ['markAccepted'] },
    {
      event: 'return_section',
      from: ['submitted', 'accepted'],
      to: 'returned',
      guards: ['isCompiler', 'hasComment'],
      actions: ['rememberComment', 'clearAcceptance'],
    },
  );
  return rules;
}

export function findRule<R extends { event: WorkflowEventType; from: readonly string[] }>(
  rules: readonly R[],
  state: string,
  event: WorkflowEventType,
): R | undefined {
  return rules.find((r) => r.event === event && r.from.includes(state));
}
