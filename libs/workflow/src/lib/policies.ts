/** The routing policies shipped with the product. Policies are data: an organisation may store its own. */
import type { RoutingPolicy } from './contract';

/** CCHC report: VHXH compiles, the vice-chair in charge of culture and society signs; no extra steps. */
export const POLICY_VHXH_PCT: RoutingPolicy = {
  code: 'VHXH_PCT',
  name: 'VHXH chủ trì, Phó Chủ tịch phụ trách văn hóa - xã hội ký',
  reportKind: 'CCHC',
  compilingUnit: 'VHXH',
  headAcceptance: false,
  formatCheck: null,
  signer: { by: 'field', field: 'vhxh' },
  allowSelfApproval: false,
  allowDelegation: true,
};

/** CCHC report signed by the chair; the small-commune variant where one person may compile and approve. */
export const POLICY_CHAIR_SIGNS: RoutingPolicy = {
  code: 'CHAIR_SIGNS',
  name: 'VHXH chủ trì, Chủ tịch ký',
  reportKind: 'CCHC',
  compilingUnit: 'VHXH',
  headAcceptance: false,
  formatCheck: null,
  signer: { by: 'chair' },
  allowSelfApproval: true,
  allowDelegation: true,
};

/** Every step: department heads accept sections, the Office checks format, the vice-chair in charge signs. */
export const POLICY_FULL: RoutingPolicy = {
  code: 'FULL',
  name: 'Đầy đủ: trưởng phòng duyệt, Văn phòng kiểm tra thể thức, Phó Chủ tịch phụ trách ký',
  reportKind: 'CCHC',
  compilingUnit: 'VHXH',
  headAcceptance: true,
  formatCheck: { unit: 'VP' },
  signer: { by: 'field', field: 'vhxh' },
  allowSelfApproval: false,
  allowDelegation: false,
};

/**
 * A Sở's own report (issue 12 §5: the compiled report of its communes), under its Giám đốc: the Phòng
 * Cải cách hành chính – Văn thư lưu trữ (CCHC) compiles and drafts the direction, procedures and
 * summary parts; the Văn phòng Sở (VP) the institutional, finance and e-government parts; the Phòng
 * Tổ chức – Biên chế (TCBC) organisation and civil service. Each unit's head accepts its parts first;
 * the Phó Giám đốc in charge of administrative reform signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". The names
 * are the defaults; the organisation's own names replace them.
 */
export const POLICY_SO_PGD: RoutingPolicy = {
  code: 'SO_PGD',
  name: 'Sở: Phòng Cải cách hành chính chủ trì, trưởng phòng duyệt từng phần, Phó Giám đốc phụ trách CCHC ký',
  reportKind: 'CCHC',
  leadership: 'director',
  compilingUnit: 'CCHC',
  unitMap: { VHXH: 'CCHC', HCC: 'CCHC', VP: 'VP', KT: 'VP' },
  partUnits: { 'II.3': 'TCBC', 'II.4': 'TCBC' },
  unitNames: { VP: 'Văn phòng Sở', CCHC: 'Phòng Cải cách hành chính – Văn thư lưu trữ', TCBC: 'Phòng Tổ chức – Biên chế' },
  headAcceptance: true,
  formatCheck: null,
  signer: { by: 'field', field: 'cchc' },
  allowSelfApproval: false,
  allowDelegation: true,
};

export const POLICIES: Readonly<Record<string, RoutingPolicy>> = {
  [POLICY_VHXH_PCT.code]: POLICY_VHXH_PCT,
  [POLICY_CHAIR_SIGNS.code]: POLICY_CHAIR_SIGNS,
  [POLICY_FULL.code]: POLICY_FULL,
  [POLICY_SO_PGD.code]: POLICY_SO_PGD,
};
