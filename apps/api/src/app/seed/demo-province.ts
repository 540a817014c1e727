import type { PositionCode, Role } from '@trinhky/domain';
import { DEMO_ORGANISATION, type DemoUser } from './demo-data';

/**
 * The demo province (issue 12): UBND tỉnh Đông Hòa above its Sở Nội vụ, which receives the CCHC
 * reports of three communes — An Bình (logins without prefix) and the two below, whose users are
 * An Bình's roles with a prefix (`tanphu.vanthu`, `hoaloi.vhxh.truong`…), password "demo".
 */
export const DEMO_PROVINCE_ROOT = {
  name: 'Ủy ban nhân dân tỉnh Đông Hòa',
  issuerParent: 'ỦY BAN NHÂN DÂN',
  issuerName: 'TỈNH ĐÔNG HÒA',
  place: 'Đông Hòa',
  numberSuffix: 'UBND',
  collectiveTitle: 'ỦY BAN NHÂN DÂN',
};

export const DEMO_PROVINCE_ROOT_USER = {
  username: 'tinh.cv',
  fullName: 'Hà Minh Quân',
  position: 'CHUYEN_VIEN' as PositionCode,
  roles: ['viewer'] as Role[],
};

/**
 * The Sở Nội vụ's own units (issue 12 §5: it drafts, signs and issues its compiled report as a commune
 * does its own), in the order it lists them, and its people (password "demo"): the drafters and heads of
 * its units, the Phòng CCHC's compilers, the Giám đốc and the Phó Giám đốc in charge of administrative
 * reform (who signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), the văn thư, the admin. Its CCHC reports follow
 * POLICY_SO_PGD (libs/workflow): parts to these units.
 */
export const DEMO_SO_UNITS: { code: string; name: string; sortOrder: number }[] = [
  { code: 'VP', name: 'Văn phòng Sở', sortOrder: 1 },
  { code: 'CCHC', name: 'Phòng Cải cách hành chính – Văn thư lưu trữ', sortOrder: 2 },
  { code: 'TCBC', name: 'Phòng Tổ chức – Biên chế', sortOrder: 3 },
];

/** The Sở Nội vụ's văn thư: receives the communes' reports (Sổ văn bản đến) and issues the Sở's own. */
export const DEMO_PROVINCE_CLERK: DemoUser = {
  username: 'snv.vanthu',
  fullName: 'Đinh Thị Hằng',
  position: 'VAN_THU',
  unit: 'VP',
  roles: ['clerk'],
};

/** The head of the Sở's Phòng Cải cách hành chính, who opens the compiled report from a request ("Lập báo cáo tổng hợp"). */
export const DEMO_PROVINCE_COMPILER: DemoUser = {
  username: 'snv.cchc',
  fullName: 'Trương Văn Khoa',
  position: 'TRUONG_PHONG',
  unit: 'CCHC',
  roles: ['compiler', 'head', 'viewer'],
};

export const DEMO_SO_USERS: DemoUser[] = [
  { username: 'snv.admin', fullName: 'Quản trị Sở Nội vụ', position: 'QUAN_TRI', unit: null, roles: ['admin', 'viewer'] },
  { username: 'snv.gd', fullName: 'Đoàn Thị Mỹ', position: 'GIAM_DOC', unit: null, roles: ['signer', 'viewer'], fields: ['noi_chinh'] },
  { username: 'snv.pgd', fullName: 'Nguyễn Quốc Bảo', position: 'PHO_GIAM_DOC', unit: null, roles: ['signer', 'viewer'], fields: ['cchc'] },
  DEMO_PROVINCE_CLERK,
  { username: 'snv.vp.truong', fullName: 'Phạm Thu Hà', position: 'CHANH_VAN_PHONG', unit: 'VP', roles: ['head', 'viewer'] },
  { username: 'snv.vp.cv', fullName: 'Nguyễn Hải Yến', position: 'CHUYEN_VIEN', unit: 'VP', roles: ['drafter'] },
  DEMO_PROVINCE_COMPILER,
  { username: 'snv.cchc.cv', fullName: 'Lê Minh Tuấn', position: 'CHUYEN_VIEN', unit: 'CCHC', roles: ['drafter', 'compiler'] },
  { username: 'snv.tcbc.truong', fullName: 'Võ Đình Phúc', position: 'TRUONG_PHONG', unit: 'TCBC', roles: ['head', 'viewer'] },
  { username: 'snv.tcbc.cv', fullName: 'Hồ Thị Nga', position: 'CHUYEN_VIEN', unit: 'TCBC', roles: ['drafter'] },
];

export interface DemoCommune {
  org: typeof DEMO_ORGANISATION;
  /** Prefix of its users' names ('' for An Bình). */
  prefix: string;
  /** How far its demo report of the current quarter has gone. */
  reportState: 'draft' | 'collecting';
}

const commune = (place: string, upper: string): typeof DEMO_ORGANISATION => ({
  ...DEMO_ORGANISATION,
  name: `Ủy ban nhân dân xã ${place}`,
  issuerName: `XÃ ${upper}`,
  place,
});

export const DEMO_COMMUNES: DemoCommune[] = [
  { org: DEMO_ORGANISATION, prefix: '', reportState: 'collecting' },
  { org: commune('Tân Phú', 'TÂN PHÚ'), prefix: 'tanphu.', reportState: 'collecting' },
  { org: commune('Hòa Lợi', 'HÒA LỢI'), prefix: 'hoaloi.', reportState: 'draft' },
];

/** The basis paragraph of a commune's demo report. */
export const demoBasis = (place: string): string =>
  `Thực hiện Văn bản số 1620/SNV-CCHC ngày 03/9/2025 của Sở Nội vụ về việc thực hiện báo cáo cải cách hành chính (CCHC) định kỳ; UBND xã ${place} báo cáo tình hình thực hiện như sau:`;
