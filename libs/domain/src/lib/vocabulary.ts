/**
 * The workflow's vocabulary as runtime tuples: the wire contract (libs/contracts) validates against
 * them and libs/workflow derives its types from them, so a state or event name is written once.
 */

/** Report lifecycle states. */
export const REPORT_STATES = [
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
] as const;

/** Section lifecycle states. `head_review` exists only when the policy asks for department-head acceptance. */
export const SECTION_STATES = ['assigned', 'drafting', 'head_review', 'submitted', 'accepted', 'returned'] as const;

/** Events on a section (the request carries `sectionId`). */
export const SECTION_EVENT_TYPES = [
  'start_drafting',
  'submit_section',
  'head_accept_section',
  'head_return_section',
  'accept_section',
  'return_section',
] as const;

/** Events on the report (`reminder` and `overdue` are sent by the scheduler only). */
export const REPORT_EVENT_TYPES = [
  'open_collection',
  'start_compiling',
  'send_to_format_check',
  'approve_format',
  'send_for_signature',
  'return_report',
  'sign',
  'revoke_signature',
  'resume_compiling',
  'issue',
  'dispatch',
  'acknowledge',
  'refuse',
  'cancel',
  'reminder',
  'overdue',
] as const;

export const WORKFLOW_EVENT_TYPES = [...SECTION_EVENT_TYPES, ...REPORT_EVENT_TYPES] as const;

/** Delegation kinds of ND 30 signature blocks. */
export const DELEGATION_KINDS = ['KT', 'TM', 'TL', 'TUQ', 'Q'] as const;

export const PERIOD_KINDS = ['quarter', 'half', 'year', 'nine_months'] as const;

export type ReportStateName = (typeof REPORT_STATES)[number];
export type SectionStateName = (typeof SECTION_STATES)[number];
export type WorkflowEventName = (typeof WORKFLOW_EVENT_TYPES)[number];
