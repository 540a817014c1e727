import type { RoutingPolicyView } from '@trinhky/contracts';
import { policyUnitsForm, policyUnitsProblems } from './policy-units.component';

const view = {
  reportKind: 'CCHC',
  reportKindName: 'Báo cáo CCHC',
  policy: { code: 'SO_PGD', name: 'Sở', description: '' },
  isDefault: false,
  compilingUnit: { code: 'CCHC', name: 'Phòng Cải cách hành chính – Văn thư lưu trữ' },
  parts: [
    { code: 'II.1', title: '1. Cải cách thể chế', unit: { code: 'VP', name: 'Văn phòng Sở' } },
    { code: 'II.3', title: '3. Cải cách tổ chức bộ máy', unit: { code: 'TCBC', name: 'Phòng Tổ chức – Biên chế' } },
  ],
  problems: [],
} satisfies RoutingPolicyView;

describe('Phân công soạn thảo (the form)', () => {
  it('starts from what is stored', () => {
    expect(policyUnitsForm(view)).toEqual({ compilingUnit: 'CCHC', parts: { 'II.1': 'VP', 'II.3': 'TCBC' } });
  });

  it('names every unit the organisation does not have, before the round trip', () => {
    const units = [{ code: 'VP' }, { code: 'CCHC' }];
    expect(policyUnitsProblems(policyUnitsForm(view), units)).toEqual(['Phần II.3: đơn vị TCBC không có trong cơ quan.']);
    expect(policyUnitsProblems({ compilingUnit: 'VHXH', parts: {} }, units)).toEqual([
      'Đơn vị chủ trì VHXH không có trong cơ quan: chọn một đơn vị của cơ quan.',
    ]);
    expect(policyUnitsProblems(policyUnitsForm(view), [...units, { code: 'TCBC' }])).toEqual([]);
  });
});
