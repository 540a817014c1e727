/** Organisation vocabulary shared by the API, the workflow and the client. */

/** Unit codes of a commune People's Committee (after the 2025 reform). */
export type UnitCode = 'VP' | 'KT' | 'VHXH' | 'HCC';

export const UNIT_NAMES: Record<UnitCode, string> = {
  VP: 'Văn phòng HĐND và UBND',
  KT: 'Phòng Kinh tế',
  VHXH: 'Phòng Văn hóa - Xã hội',
  HCC: 'Trung tâm Phục vụ hành chính công',
};

/** Positions (chức vụ) as they appear on documents. */
export type PositionCode =
  | 'CHU_TICH'
  | 'PHO_CHU_TICH'
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

/** Fields (lĩnh vực) a vice-chair can be in charge of. */
export type FieldCode = 'vhxh' | 'kinh_te' | 'noi_chinh';
