/**
 * The contract between libs/workflow and its callers (API, web). The API and the client rely on
 * these names and shapes; extend them, do not break them.
 */
import type {
  FieldCode,
  PositionCode,
  REPORT_EVENT_TYPES,
  REPORT_STATES,
  Role,
  SECTION_EVENT_TYPES,
  SECTION_STATES,
  UnitCode,
} from '@trinhky/domain';

/** Section lifecycle states (the names are libs/domain's vocabulary, shared with the wire contract). `head_review` exists only when the policy asks for department-head acceptance. */
export type SectionState = (typeof SECTION_STATES)[number];

/** Report lifecycle states. */
export type ReportState = (typeof REPORT_STATES)[number];

/** Events on a section (the request carries `sectionId`): see libs/domain SECTION_EVENT_TYPES. */
export type SectionEventType = (typeof SECTION_EVENT_TYPES)[number];

/** Events on the report (`reminder` and `overdue` come from the scheduler): see libs/domain REPORT_EVENT_TYPES. */
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];

export type WorkflowEventType = SectionEventType | ReportEventType;

export interface WorkflowEvent {
  type: WorkflowEventType;
  sectionId?: string;
  comment?: string;
  payload?: Record<string, unknown>;
}

/** A delegation held by an actor: "TUQ. CHỦ TỊCH" from 1/10 to 31/12 for CCHC reports, "Q. CHỦ TỊCH", … */
export interface Delegation {
  kind: 'KT' | 'TM' | 'TL' | 'TUQ' | 'Q';
  /** Position delegated from (whose authority is exercised). */
  fromPosition: PositionCode;
  /** ISO dates, inclusive; absent = open-ended (KT./TM./Q.). TUQ. must have both. */
  validFrom?: string;
  validTo?: string;
  /** Report kinds the delegation covers; absent = all. */
  reportKinds?: string[];
}

/** The person sending an event, as the API knows them at that moment. */
export interface WorkflowActor {
  userId: string;
  fullName: string;
  /** 'system' is the scheduler (reminder/overdue). */
  kind?: 'user' | 'system';
  /** The organisation the person works in (needed where another agency's staff act: receipt of a report). */
  organisationId?: string;
  roles: Role[];
  unit: UnitCode | null;
  position: PositionCode;
  /** Fields a vice-chair is in charge of. */
  fields: FieldCode[];
  delegations: Delegation[];
}

/**
 * How an organisation is led, for signing (DOMAIN.md "Signing authority"): a People's Committee is a
 * collective body ("TM. ỦY BAN NHÂN DÂN", its Chủ tịch and Phó Chủ tịch); a Sở works under its head
 * (chế độ thủ trưởng: "GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", no "TM.").
 */
export type LeadershipKind = 'committee' | 'director';

/** Routing policy: data, not code. The machine is built from it. */
export interface RoutingPolicy {
  code: string;
  name: string;
  /** Report kind it applies to ("CCHC"). */
  reportKind: string;
  /** How the organisation is led (who "the chair" and "a vice-chair" are, and the signature block); absent: 'committee'. */
  leadership?: LeadershipKind;
  /** Unit that compiles (its drafters and head act as compiler): one of the organisation's own unit codes. */
  compilingUnit: UnitCode;
  /**
   * Which of the organisation's units drafts a template's part, by the template's drafting unit
   * (templates name the commune's units: `{ VHXH: 'CCHC', HCC: 'CCHC', VP: 'VP', KT: 'VP' }`); absent
   * or not listed: the template's code itself (a commune).
   */
  unitMap?: Readonly<Record<string, UnitCode>>;
  /** The same by part code (`{ 'II.3': 'TCBC' }`), before `unitMap`. */
  partUnits?: Readonly<Record<string, UnitCode>>;
  /**
   * The organisation's names of its units, for the sentences the workflow writes ("Chỉ … của Phòng
   * Cải cách hành chính – Văn thư lưu trữ …"): filled in by the API from the organisation's units when
   * it resolves the policy (and so kept with the report it opens); absent: the standard commune names.
   */
  unitNames?: Readonly<Record<UnitCode, string>>;
  /** Department head accepts each section before the compiler does. */
  headAcceptance: boolean;
  /** A format/legality check before signing, by this unit (Văn phòng). */
  formatCheck: { unit: UnitCode } | null;
  /** Who signs: the vice-chair in charge of the report's field, or the chair. */
  signer: { by: 'field'; field: FieldCode } | { by: 'chair' };
  /** May the person who accepted/compiled also approve the next step? */
  allowSelfApproval: boolean;
  /** Are delegations (TUQ./Q.) honoured for signing? */
  allowDelegation: boolean;
}

/** A finding of a part's figures, as the API computed it from the current revision (libs/domain checker). */
export interface FigureIssue {
  severity: 'error' | 'warning';
  message: string;
  /** How people name the part ("II.5 Cải cách tài chính công"). */
  part?: string;
  /** Indicator code the finding points at. */
  code?: string;
  /** A warning with its one-line explanation (errors are never explained away). */
  explained: boolean;
}

export interface SectionRecord {
  id: string;
  /** Findings of the part's figures; absent or empty: nothing to answer. */
  figureFindings?: FigureIssue[];
  unit: UnitCode;
  assigneeId: string | null;
  /** How people name the section ("II.5 Cải cách tài chính công"), for messages and the audit summary. */
  title?: string;
  /** Persisted XState snapshot (JSON), as returned by this library. */
  snapshot: unknown;
}

export interface ReportRecord {
  id: string;
  kind: string;
  /** Version of the machine definition the report was created with (kept for reports in flight). */
  definitionVersion: number;
  policy: RoutingPolicy;
  /** Persisted XState snapshot (JSON) of the report machine. */
  snapshot: unknown;
  sections: SectionRecord[];
  /** The agency receiving the report when it is in the system (its văn thư records receipt); absent: outside it. */
  receiver?: ReceivingAgency | null;
}

/** A receiving agency that uses the system: it receives reports into its incoming register. */
export interface ReceivingAgency {
  organisationId: string;
  name: string;
}

/** An effect to run after the database transaction commits (or inside it, for numbering). */
export type WorkflowEffect =
  | { type: 'assign_number' }
  | { type: 'revoke_signature' }
  | { type: 'record_signature'; signerId: string; lines: string[]; name: string }
  | { type: 'freeze_signed_version' }
  | { type: 'new_revision' }
  | { type: 'deliver' }
  | { type: 'notify'; to: NotifyTarget; message: string };

export type NotifyTarget = { userId: string } | { role: Role; unit?: UnitCode };

export interface SectionChange {
  id: string;
  from: SectionState;
  to: SectionState;
  snapshot: unknown;
}

export type Decision =
  | {
      ok: true;
      reportFrom: ReportState;
      reportTo: ReportState;
      reportSnapshot: unknown;
      sections: SectionChange[];
      effects: WorkflowEffect[];
      /** One sentence in Vietnamese for the audit log ("Nộp phần II.1 Cải cách thể chế"). */
      summary: string;
    }
  | {
      ok: false;
      /** forbidden: this actor may not (403); invalid: not possible in this state (422). */
      code: 'forbidden' | 'invalid';
      /** Why, in Vietnamese, for the user. */
      reason: string;
      /** What this actor may do now instead. */
      allowed: AllowedEvent[];
    };

export interface AllowedEvent {
  type: WorkflowEventType;
  sectionId?: string;
  commentRequired: boolean;
  /** Button label in Vietnamese ("Nộp", "Trả lại", "Ký"). */
  label: string;
}

/** Signature block derivation result. */
export type SignatureDerivation = { ok: true; lines: string[]; name: string } | { ok: false; reason: string };
