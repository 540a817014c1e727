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

export const POLICIES: Readonly<Record<string, RoutingPolicy>> = {
  [POLICY_VHXH_PCT.code]: POLICY_VHXH_PCT,
  [POLICY_CHAIR_SIGNS.code]: POLICY_CHAIR_SIGNS,
  [POLICY_FULL.code]: POLICY_FULL,
};
