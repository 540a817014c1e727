/** Organisation vocabulary shared by the API, the workflow and the client. */

/**
 * A unit's code within its organisation (units table): each organisation has its own units — a
 * commune the four below, a Sở its own ("CCHC", "VP", "TCBC", …). Upper-case letters, digits and
 * "_", 2–16 characters (the admin contract's rule).
 */
export type UnitCode = string;

/** The units of a commune People's Committee (after the 2025 reform); templates name their drafting units by these codes. */
export const COMMUNE_UNIT_CODES = ['VP', 'KT', 'VHXH', 'HCC'] as const;
export type CommuneUnitCode = (typeof COMMUNE_UNIT_CODES)[number];

/** The commune units' standard names: the fallback when an organisation has no row of its own for a code. */
export const UNIT_NAMES: Readonly<Record<string, string | undefined>> = {
  VP: 'Văn phòng HĐND và UBND',
  KT: 'Phòng Kinh tế',
  VHXH: 'Phòng Văn hóa - Xã hội',
  HCC: 'Trung tâm Phục vụ hành chính công',
};

/** A unit code's standard (commune) name, else the code itself: the names of an organisation's own units come from its units table. */
export function standardUnitName(code: string): string {
  return UNIT_NAMES[code] ?? code;
}

/** A unit code as the admin contract accepts it. */
export const UNIT_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,15}$/;

/** Positions (chức vụ) as they appear on documents. */
export type PositionCode =
  | 'CHU_TICH'
  | 'PHO_CHU_TICH'
  | 'GIAM_DOC'
  | 'PHO_GIAM_DOC'
  | 'CHANH_VAN_PHONG'
  | 'TRUONG_PHONG'
  | 'PHO_TRUONG_PHONG'
  | 'GIAM_DOC_TT'
  | 'CHUYEN_VIEN'
  | 'VAN_THU'
  | 'QUAN_TRI';

export const POSITION_TITLES: Record<PositionCode, string> = {
  CHU_TICH: 'Chủ tịch',
  PHO_CHU_TICH: 'Phó Chủ tịch',
  GIAM_DOC: 'Giám đốc',
  PHO_GIAM_DOC: 'Phó Giám đốc',
  CHANH_VAN_PHONG: 'Chánh Văn phòng',
  TRUONG_PHONG: 'Trưởng phòng',
  PHO_TRUONG_PHONG: 'Phó Trưởng phòng',
  GIAM_DOC_TT: 'Giám đốc Trung tâm',
  CHUYEN_VIEN: 'Chuyên viên',
  VAN_THU: 'Văn thư',
  QUAN_TRI: 'Quản trị hệ thống',
};

/** Roles in the workflow (per organisation; one person may hold several). */
export type Role = 'drafter' | 'head' | 'compiler' | 'format_checker' | 'signer' | 'clerk' | 'viewer' | 'admin';

export const ROLE_NAMES: Record<Role, string> = {
  drafter: 'Chuyên viên soạn thảo',
  head: 'Trưởng đơn vị',
  compiler: 'Đơn vị chủ trì tổng hợp',
  format_checker: 'Kiểm tra thể thức',
  signer: 'Người ký',
  clerk: 'Văn thư',
  viewer: 'Theo dõi',
  admin: 'Quản trị',
};

/** Roles that only make sense inside a department (the workflow matches them against the part's unit). */
export const UNIT_ROLES: readonly Role[] = ['drafter', 'head', 'compiler', 'format_checker'];

/**
 * Why a person with these roles cannot be without a unit (null when they can): the one rule the admin
 * API (create and edit, on the merged result) and the admin form both call.
 */
export function unitRoleProblem(roles: readonly string[], unitCode: string | null | undefined): string | null {
  const needing = UNIT_ROLES.filter((r) => roles.includes(r));
  if (!needing.length || unitCode) return null;
  return `Vai trò ${needing.map((r) => ROLE_NAMES[r]).join(', ')} cần người dùng thuộc một đơn vị: vui lòng chọn đơn vị.`;
}

/** Fields (lĩnh vực) a vice-chair (or a Sở's Phó Giám đốc) can be in charge of. */
export const FIELD_CODES = ['vhxh', 'kinh_te', 'noi_chinh', 'cchc'] as const;
export type FieldCode = (typeof FIELD_CODES)[number];
