import type { PositionCode, Role } from '@trinhky/domain';
import { DEMO_ORGANISATION } from './demo-data';

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

/** The Sở Nội vụ's văn thư: receives the communes' reports into its incoming register (Sổ văn bản đến). */
export const DEMO_PROVINCE_CLERK = {
  username: 'snv.vanthu',
  fullName: 'Đinh Thị Hằng',
  position: 'VAN_THU' as PositionCode,
  roles: ['clerk'] as Role[],
};

/**
 * The Sở Nội vụ's Phòng Cải cách hành chính, which compiles the communes' reports into the Sở's own
 * (issue 12 §5: "Lập báo cáo tổng hợp"). Units are the product's four codes: the Sở's compiling unit
 * is stored under VHXH (the CCHC policy's compiling unit) with the Sở's own name for it.
 */
export const DEMO_PROVINCE_COMPILING_UNIT = { code: 'VHXH' as const, name: 'Phòng Cải cách hành chính' };
export const DEMO_PROVINCE_COMPILER = {
  username: 'snv.cchc',
  fullName: 'Trương Văn Khoa',
  position: 'TRUONG_PHONG' as PositionCode,
  roles: ['compiler', 'head', 'viewer'] as Role[],
};

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
