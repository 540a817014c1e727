import type { CommuneUnitCode, FieldCode, PositionCode, Role, UnitCode } from '@trinhky/domain';

/** The fictional demo commune. Every demo user's password is "demo". */
export const DEMO_ORGANISATION = {
  name: 'Ủy ban nhân dân xã An Bình',
  issuerParent: 'ỦY BAN NHÂN DÂN',
  issuerName: 'XÃ AN BÌNH',
  place: 'An Bình',
  numberSuffix: 'UBND',
  collectiveTitle: 'ỦY BAN NHÂN DÂN',
};

/**
 * The superior agency the commune reports to: its users follow the commune's reports (Theo dõi),
 * read them, their audit log and PDFs, and never act on them.
 */
export const DEMO_PROVINCE = {
  name: 'Sở Nội vụ tỉnh Đông Hòa',
  issuerParent: 'UBND TỈNH ĐÔNG HÒA',
  issuerName: 'SỞ NỘI VỤ',
  place: 'Đông Hòa',
  numberSuffix: 'SNV',
  collectiveTitle: 'SỞ NỘI VỤ',
};

export const DEMO_PROVINCE_USER = {
  username: 'snv.cv',
  fullName: 'Lương Thị Thảo',
  position: 'CHUYEN_VIEN' as PositionCode,
  roles: ['viewer'] as Role[],
};

export const DEMO_UNITS: { code: CommuneUnitCode; name: string }[] = [
  { code: 'VP', name: 'Văn phòng HĐND và UBND' },
  { code: 'KT', name: 'Phòng Kinh tế' },
  { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
  { code: 'HCC', name: 'Trung tâm Phục vụ hành chính công' },
];

export interface DemoUser {
  username: string;
  fullName: string;
  position: PositionCode;
  unit: UnitCode | null;
  roles: Role[];
  fields?: FieldCode[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', position: 'QUAN_TRI', unit: null, roles: ['admin', 'viewer'] },
  { username: 'chutich', fullName: 'Trần Văn Minh', position: 'CHU_TICH', unit: null, roles: ['signer', 'viewer'], fields: ['noi_chinh'] },
  {
    username: 'pct.vhxh',
    fullName: 'Nguyễn Thị Hồng',
    position: 'PHO_CHU_TICH',
    unit: null,
    roles: ['signer', 'viewer'],
    fields: ['vhxh'],
  },
  { username: 'pct.kt', fullName: 'Lê Quang Dũng', position: 'PHO_CHU_TICH', unit: null, roles: ['signer', 'viewer'], fields: ['kinh_te'] },
  { username: 'vanthu', fullName: 'Phạm Thị Lan', position: 'VAN_THU', unit: 'VP', roles: ['clerk', 'viewer'] },
  {
    username: 'vp.truong',
    fullName: 'Hoàng Văn Hải',
    position: 'CHANH_VAN_PHONG',
    unit: 'VP',
    roles: ['head', 'format_checker', 'viewer'],
  },
  { username: 'vp.cv', fullName: 'Đỗ Thị Mai', position: 'CHUYEN_VIEN', unit: 'VP', roles: ['drafter'] },
  { username: 'kt.truong', fullName: 'Bùi Văn Nam', position: 'TRUONG_PHONG', unit: 'KT', roles: ['head'] },
  { username: 'kt.cv', fullName: 'Vũ Thị Thu', position: 'CHUYEN_VIEN', unit: 'KT', roles: ['drafter'] },
  { username: 'vhxh.truong', fullName: 'Ngô Thị Hương', position: 'TRUONG_PHONG', unit: 'VHXH', roles: ['head', 'compiler', 'viewer'] },
  { username: 'vhxh.cv', fullName: 'Đặng Văn Tùng', position: 'CHUYEN_VIEN', unit: 'VHXH', roles: ['drafter', 'compiler'] },
  { username: 'hcc.truong', fullName: 'Phan Văn Long', position: 'GIAM_DOC_TT', unit: 'HCC', roles: ['head'] },
  { username: 'hcc.cv', fullName: 'Trịnh Thị Ngọc', position: 'CHUYEN_VIEN', unit: 'HCC', roles: ['drafter'] },
];

export const DEMO_BASIS =
  'Thực hiện Văn bản số 1620/SNV-CCHC ngày 03/9/2025 của Sở Nội vụ về việc thực hiện báo cáo cải cách hành chính (CCHC) định kỳ; UBND xã An Bình báo cáo tình hình thực hiện như sau:';
