export * from './lib/contract';
export * from './lib/labels';
export * from './lib/policies';
export * from './lib/authority';
export * from './lib/definitions';
export * from './lib/answers';
export * from './lib/creation';
export { reportState, sectionState, reportContext, sectionContext, type PersistedSnapshot } from './lib/snapshots';
export {
  machinesFor,
  buildReportMachine,
  buildSectionMachine,
  type Machines,
  type ReportMachine,
  type SectionMachine,
} from './lib/machines';
export { reportRules, sectionRules, SECTION_EVENTS, isSectionEvent, type ReportRule, type SectionRule } from './lib/rules';
export {
  COMMENT_REQUIRED_REASON,
  type Refusal,
  type ActorFacts,
  isCompilerActor,
  isPartDrafter,
  isFormatCheckerActor,
  isClerkActor,
} from './lib/guards';
export * from './lib/policy-rules';
export type { ReportContext, SectionContext, RecordedSignature, MachineEvent, SectionFact } from './lib/types';
export { inboxScope, inScope, type InboxScope, type PolicyCondition, type PartMatch } from './lib/inbox-scope';
export { offeredEvents, factsOf, type ReportFacts, type PartFacts } from './lib/offered';
