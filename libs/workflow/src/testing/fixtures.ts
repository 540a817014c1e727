/** Test fixtures: a commune's cast, sections of the CCHC report, and helpers to drive a report. */
import type { PositionCode, Role, UnitCode } from '@trinhky/domain';
import { decide } from '../lib/answers';
import { createReportWorkflow, type NewSection } from '../lib/creation';
import type { Decision, Delegation, ReportRecord, RoutingPolicy, WorkflowActor, WorkflowEvent } from '../lib/contract';

export const NOW = new Date('2025-09-20T03:00:00Z');

function person(
  userId: string,
  fullName: string,
  roles: Role[],
  unit: UnitCode | null,
  position: PositionCode,
  extra: Partial<WorkflowActor> = {},
): WorkflowActor {
  return { userId, fullName, kind: 'user', roles, unit, position, fields: [], delegations: [], ...extra };
}

export const CAST = {
  drafterVP: person('u-vp-cv', 'Nguyễn Thị Lan', ['drafter'], 'VP', 'CHUYEN_VIEN'),
  headVP: person('u-vp-cvp', 'Trần Văn Hùng', ['head'], 'VP', 'CHANH_VAN_PHONG'),
  formatChecker: person('u-vp-tt', 'Lê Thị Hoa', ['format_checker'], 'VP', 'CHUYEN_VIEN'),
  clerk: person('u-vp-vt', 'Phạm Thị Mai', ['clerk'], 'VP', 'VAN_THU'),
  drafterKT: person('u-kt-cv', 'Hoàng Văn Nam', ['drafter'], 'KT', 'CHUYEN_VIEN'),
  headKT: person('u-kt-tp', 'Đỗ Văn Bình', ['head'], 'KT', 'TRUONG_PHONG'),
  drafterHCC: person('u-hcc-cv', 'Vũ Thị Thu', ['drafter'], 'HCC', 'CHUYEN_VIEN'),
  headHCC: person('u-hcc-gd', 'Bùi Văn Tâm', ['head'], 'HCC', 'GIAM_DOC_TT'),
  drafterVHXH: person('u-vhxh-cv', 'Ngô Thị Hạnh', ['drafter'], 'VHXH', 'CHUYEN_VIEN'),
  compiler: person('u-vhxh-th', 'Đặng Văn Long', ['compiler'], 'VHXH', 'CHUYEN_VIEN'),
  headVHXH: person('u-vhxh-tp', 'Lý Thị Ngọc', ['head'], 'VHXH', 'TRUONG_PHONG'),
  pctVhxh: person('u-pct-vx', 'Nguyễn Văn An', ['signer'], null, 'PHO_CHU_TICH', { fields: ['vhxh'] }),
  pctKt: person('u-pct-kt', 'Trịnh Văn Đức', ['signer'], null, 'PHO_CHU_TICH', { fields: ['kinh_te'] }),
  chair: person('u-ct', 'Phan Văn Quang', ['signer'], null, 'CHU_TICH'),
  system: {
    userId: 'system',
    fullName: 'Hệ thống',
    kind: 'system',
    roles: [],
    unit: null,
    position: 'QUAN_TRI',
    fields: [],
    delegations: [],
  },
} satisfies Record<string, WorkflowActor>;

export type CastKey = keyof typeof CAST;

export const TUQ_2025: Delegation = {
  kind: 'TUQ',
  fromPosition: 'CHU_TICH',
  validFrom: '2025-09-01',
  validTo: '2025-12-31',
  reportKinds: ['CCHC'],
};

/** Sections of the CCHC report (DOMAIN.md): each unit drafts its parts. */
export const CCHC_SECTIONS = [
  { id: 'II.1', unit: 'VP' as const, assigneeId: null },
  { id: 'II.2', unit: 'HCC' as const, assigneeId: null },
  { id: 'II.3', unit: 'VHXH' as const, assigneeId: null },
  { id: 'II.5', unit: 'KT' as const, assigneeId: 'u-kt-cv' },
];

export function newReport(policy: RoutingPolicy, sections: NewSection[] = CCHC_SECTIONS, version?: number): ReportRecord {
  const w = createReportWorkflow(policy, sections, version);
  return {
    id: 'r1',
    kind: policy.reportKind,
    definitionVersion: w.definitionVersion,
    policy,
    snapshot: w.reportSnapshot,
    sections: w.sections,
  };
}

/** Applies a successful decision to a record (what the API does inside its transaction). */
export function apply(report: ReportRecord, d: Decision): ReportRecord {
  if (!d.ok) throw new Error(`refused (${d.code}): ${d.reason}`);
  return {
    ...report,
    snapshot: d.reportSnapshot,
    sections: report.sections.map((s) => {
      const c = d.sections.find((x) => x.id === s.id);
      return c ? { ...s, snapshot: c.snapshot } : s;
    }),
  };
}

/** Sends an event that must succeed. */
export function send(report: ReportRecord, actor: WorkflowActor, event: WorkflowEvent, now = NOW): ReportRecord {
  return apply(report, decide(report, actor, event, now));
}

const DRAFTER: Record<UnitCode, WorkflowActor> = { VP: CAST.drafterVP, KT: CAST.drafterKT, HCC: CAST.drafterHCC, VHXH: CAST.drafterVHXH };
const HEAD: Record<UnitCode, WorkflowActor> = { VP: CAST.headVP, KT: CAST.headKT, HCC: CAST.headHCC, VHXH: CAST.headVHXH };

/** Drives one section from assigned to submitted to the compiler. */
export function submitSection(report: ReportRecord, id: string): ReportRecord {
  const s = report.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  let r = send(report, DRAFTER[s.unit], { type: 'start_drafting', sectionId: id });
  r = send(r, DRAFTER[s.unit], { type: 'submit_section', sectionId: id });
  if (r.policy.headAcceptance && r.definitionVersion >= 2) r = send(r, HEAD[s.unit], { type: 'head_accept_section', sectionId: id });
  return r;
}

/** Drives every section from assigned to accepted. */
export function acceptAllSections(report: ReportRecord): ReportRecord {
  let r = report;
  for (const s of report.sections) r = send(submitSection(r, s.id), CAST.compiler, { type: 'accept_section', sectionId: s.id });
  return r;
}

/** Drives a new report up to `awaiting_signature`. */
export function toAwaitingSignature(policy: RoutingPolicy, version?: number): ReportRecord {
  let r = newReport(policy, CCHC_SECTIONS, version);
  r = send(r, CAST.compiler, { type: 'open_collection' });
  r = acceptAllSections(r);
  r = send(r, CAST.compiler, { type: 'start_compiling' });
  if (policy.formatCheck) {
    r = send(r, CAST.compiler, { type: 'send_to_format_check' });
    r = send(r, CAST.formatChecker, { type: 'approve_format' });
  } else {
    r = send(r, CAST.compiler, { type: 'send_for_signature' });
  }
  return r;
}
