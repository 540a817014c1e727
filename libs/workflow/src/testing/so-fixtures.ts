/** Test fixtures of a Sở Nội vụ: its own units and people, and its compiled report's parts (POLICY_SO_PGD). */
import type { PositionCode, Role } from '@trinhky/domain';
import type { WorkflowActor } from '../lib/contract';

function person(
  userId: string,
  fullName: string,
  roles: Role[],
  unit: string | null,
  position: PositionCode,
  fields: WorkflowActor['fields'] = [],
): WorkflowActor {
  return { userId, fullName, kind: 'user', organisationId: 'snv', roles, unit, position, fields, delegations: [] };
}

export const SO_CAST = {
  cchcHead: person('s-cchc-tp', 'Trương Văn Khoa', ['compiler', 'head', 'viewer'], 'CCHC', 'TRUONG_PHONG'),
  cchcDrafter: person('s-cchc-cv', 'Lê Minh Tuấn', ['drafter', 'compiler'], 'CCHC', 'CHUYEN_VIEN'),
  vpHead: person('s-vp-cvp', 'Phạm Thu Hà', ['head'], 'VP', 'CHANH_VAN_PHONG'),
  vpDrafter: person('s-vp-cv', 'Nguyễn Hải Yến', ['drafter'], 'VP', 'CHUYEN_VIEN'),
  tcbcHead: person('s-tcbc-tp', 'Võ Đình Phúc', ['head'], 'TCBC', 'TRUONG_PHONG'),
  tcbcDrafter: person('s-tcbc-cv', 'Hồ Thị Nga', ['drafter'], 'TCBC', 'CHUYEN_VIEN'),
  deputy: person('s-pgd', 'Nguyễn Quốc Bảo', ['signer', 'viewer'], null, 'PHO_GIAM_DOC', ['cchc']),
  director: person('s-gd', 'Đoàn Thị Mỹ', ['signer', 'viewer'], null, 'GIAM_DOC'),
  clerk: person('s-vt', 'Đinh Thị Hằng', ['clerk'], 'VP', 'VAN_THU'),
} satisfies Record<string, WorkflowActor>;

/** Parts of the Sở's compiled report as the API opens them under POLICY_SO_PGD (each on the Sở's unit). */
export const SO_SECTIONS = [
  { id: 'I', unit: 'CCHC', assigneeId: null },
  { id: 'II.1', unit: 'VP', assigneeId: null },
  { id: 'II.3', unit: 'TCBC', assigneeId: null },
];

export const SO_DRAFTER: Record<string, WorkflowActor> = { CCHC: SO_CAST.cchcDrafter, VP: SO_CAST.vpDrafter, TCBC: SO_CAST.tcbcDrafter };
export const SO_HEAD: Record<string, WorkflowActor> = { CCHC: SO_CAST.cchcHead, VP: SO_CAST.vpHead, TCBC: SO_CAST.tcbcHead };
