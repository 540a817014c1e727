/** Shapes of the API's answers (docs/api.md). Workflow names come from libs/workflow's contract. */
import type { Block, Period } from '@trinhky/domain';
import type { AllowedEvent, ReportState, SectionState, WorkflowEventType } from '@trinhky/workflow';

export type { AllowedEvent, ReportState, SectionState, WorkflowEventType };

export interface CurrentUser {
  id: string;
  username: string;
  fullName: string;
  position: string;
  positionTitle: string;
  unit: { code: string; name: string } | null;
  roles: string[];
  organisation: { id: string; name: string };
}

export interface LoginResponse {
  accessToken: string;
  user: CurrentUser;
}

export interface ReportSummary {
  id: string;
  title: string;
  templateCode: string;
  kind: string;
  period: Period;
  periodKey: string;
  periodLabel: string;
  state: ReportState;
  version: number;
  deadline: string;
  cutOff: { from: string; to: string };
  number: string | null;
  issuedAt: string | null;
  holder: string;
  overdue: boolean;
  sectionsTotal: number;
  sectionsAccepted: number;
  updatedAt: string;
  /** The report's organisation: a province user follows several communes. */
  organisation?: { id: string; name: string };
}

export interface SectionSummary {
  id: string;
  code: string;
  label: string;
  title: string;
  level?: string;
  unit: { code: string; name: string };
  assignee: { id: string; fullName: string } | null;
  state: SectionState;
  deadline: string;
  overdue: boolean;
  currentRevisionId: string | null;
  acceptedRevisionId?: string | null;
  lastComment?: string | null;
}

export interface ReportDetail extends ReportSummary {
  subject: string[];
  recipients: string[];
  distribution?: string[];
  basis?: string | null;
  revision: number;
  policy: { code: string; name: string };
  signature?: { lines: string[]; name: string; signedAt: string } | null;
  sections: SectionSummary[];
  allowedEvents: AllowedEvent[];
}

export interface EventRequest {
  type: WorkflowEventType;
  sectionId?: string;
  comment?: string;
  payload?: Record<string, unknown>;
  expectedVersion: number;
}

export interface EventResult {
  state: ReportState;
  version: number;
  allowedEvents: AllowedEvent[];
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actor: { id: string | null; name: string; position: string | null };
  event: string;
  fromState: string | null;
  toState: string | null;
  sectionId: string | null;
  comment: string | null;
  summary: string;
  contentHash: string | null;
  prevHash: string | null;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  entries: number;
  firstBrokenEntryId?: string | null;
}

export interface InboxItem {
  reportId: string;
  reportTitle: string;
  reportState?: ReportState;
  version?: number;
  sectionId?: string;
  sectionTitle?: string;
  sectionState?: SectionState;
  events: AllowedEvent[];
  deadline: string;
  overdue: boolean;
}

export interface SectionContent {
  blocks: Block[];
}

export interface RevisionInfo {
  id: string;
  number?: number;
  createdAt: string;
  author: string | { id: string; fullName: string } | null;
}

/** GET /sections/:id answers `unit` as a code and may omit the assignee: use the report's section list for those. */
export interface SectionDetail extends Omit<SectionSummary, 'unit' | 'assignee'> {
  unit: SectionSummary['unit'] | string;
  assignee?: SectionSummary['assignee'];
  content: SectionContent;
  revisions: RevisionInfo[];
}

export interface RevisionDetail {
  id: string;
  content: SectionContent;
  author: RevisionInfo['author'];
  createdAt: string;
}

export interface SaveConflict {
  message: string;
  current: { revisionId: string; content: SectionContent; author: RevisionInfo['author']; createdAt: string };
}

export interface RegisterEntry {
  id?: string;
  number: number;
  numberText: string;
  year?: number;
  date: string;
  type: string;
  subject: string;
  signer: string;
  recipients: string[] | string;
  archive?: string;
  copies: number;
  reportId: string | null;
  dispatchedAt?: string | null;
}

export interface CreateReportRequest {
  templateCode: string;
  period: Period;
  deadline: string;
  basis?: string;
  sectionDeadlines?: Record<string, string>;
  assignees?: Record<string, string>;
}

/** The error body the API sends: `{statusCode, message, ...}`. */
export interface ApiErrorBody {
  statusCode?: number;
  message?: string | string[];
  allowedEvents?: AllowedEvent[];
  state?: ReportState;
  version?: number;
  current?: SaveConflict['current'];
}

/** What an import is read from: a plain-text report or a Word file (base64). */
export interface ImportSource {
  text?: string;
  docxBase64?: string;
}

export interface ImportNote {
  line: number;
  text: string;
  reason: string;
}

/** `POST /api/imports/preview`: what the importer understood, before anything is created. */
export interface ImportPreview {
  result: {
    document: { subject: string[]; issuer?: { name?: string; parent?: string }; recipients?: string[] };
    unplaced: ImportNote[];
    removed: ImportNote[];
    stats: Record<string, number | string[]>;
  };
  /** Template part code → paragraphs found for it. */
  found: Record<string, number>;
  /** Template parts the text has no heading for. */
  missing: string[];
}

export interface ImportCreated {
  report: ReportDetail;
  found: Record<string, number>;
  missing: string[];
  unplaced: ImportNote[];
}
