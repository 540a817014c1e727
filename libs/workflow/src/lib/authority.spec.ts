import { deriveSignatureBlock, signingAuthority, upperVi } from './authority';
import type { Delegation, WorkflowActor } from './contract';
import { POLICY_CHAIR_SIGNS, POLICY_FULL, POLICY_VHXH_PCT } from './policies';
import { CAST, NOW, TUQ_2025 } from '../testing/fixtures';

const organisation = { collectiveTitle: 'ỦY BAN NHÂN DÂN', headTitle: 'CHỦ TỊCH' };
const derive = (signer: WorkflowActor, delegation?: Delegation, at = NOW, reportKind = 'CCHC') =>
  deriveSignatureBlock({ organisation, signer, delegation, reportKind, at });

const withDelegation = (a: WorkflowActor, d: Delegation): WorkflowActor => ({ ...a, delegations: [d] });

describe('deriveSignatureBlock', () => {
  it('chair signs on behalf of the committee', () => {
    expect(derive(CAST.chair)).toEqual({ ok: true, lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Phan Văn Quang' });
  });

  it('vice-chair signs in place of the chair: three lines (seed 000)', () => {
    expect(derive(CAST.pctVhxh)).toEqual({
      ok: true,
      lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Nguyễn Văn An',
    });
  });

  it('acting head (Q.)', () => {
    const d = derive(CAST.pctKt, { kind: 'Q', fromPosition: 'CHU_TICH' });
    expect(d).toEqual({ ok: true, lines: ['TM. ỦY BAN NHÂN DÂN', 'Q. CHỦ TỊCH'], name: 'Trịnh Văn Đức' });
  });

  it('TUQ. within its dates: the signer keeps their own title, upper-cased in Vietnamese', () => {
    const d = derive(CAST.headVP, TUQ_2025);
    expect(d).toEqual({ ok: true, lines: ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Trần Văn Hùng' });
  });

  it('TL. by order of the chair', () => {
    expect(derive(CAST.headVP, { kind: 'TL', fromPosition: 'CHU_TICH' })).toEqual({
      ok: true,
      lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'],
      name: 'Trần Văn Hùng',
    });
  });

  it('TUQ. for a head of centre upper-cases every Vietnamese letter', () => {
    const d = derive(CAST.headHCC, TUQ_2025);
    expect(d.ok && d.lines[1]).toBe('GIÁM ĐỐC TRUNG TÂM');
    expect(upperVi('phó chủ tịch ủy ban')).toBe('PHÓ CHỦ TỊCH ỦY BAN');
  });

  it('an expired TUQ. cannot sign', () => {
    const d = derive(CAST.headVP, TUQ_2025, new Date('2026-01-01T01:00:00Z'));
    expect(d).toEqual({ ok: false, reason: 'Việc thừa ủy quyền (TUQ.) đã hết hạn ngày 31/12/2025.' });
  });

  it('validity is a Vietnam calendar day: 31/12 23:30 in Hà Nội is still valid, 00:30 on 1/1 is not', () => {
    expect(derive(CAST.headVP, TUQ_2025, new Date('2025-12-31T16:30:00Z')).ok).toBe(true);
    expect(derive(CAST.headVP, TUQ_2025, new Date('2025-12-31T17:30:00Z')).ok).toBe(false);
  });

  it('a TUQ. not yet in force cannot sign', () => {
    const d = derive(CAST.headVP, TUQ_2025, new Date('2025-08-31T10:00:00Z'));
    expect(d).toEqual({ ok: false, reason: 'Việc thừa ủy quyền (TUQ.) chưa có hiệu lực (từ ngày 01/09/2025).' });
  });

  it('a delegation outside its report kinds cannot sign', () => {
    const d = derive(CAST.headVP, TUQ_2025, NOW, 'KTXH');
    expect(d).toEqual({ ok: false, reason: 'Việc thừa ủy quyền (TUQ.) không bao gồm loại báo cáo KTXH.' });
  });

  it('TUQ. must be time-limited', () => {
    const d = derive(CAST.headVP, { kind: 'TUQ', fromPosition: 'CHU_TICH' });
    expect(d).toEqual({ ok: false, reason: 'Giấy ủy quyền (TUQ.) phải có thời hạn: cần ghi rõ cả từ ngày và đến ngày.' });
  });

  it('TUQ. is not re-delegable', () => {
    const d = derive(CAST.drafterVP, { ...TUQ_2025, fromPosition: 'CHANH_VAN_PHONG' });
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/không được ủy quyền lại/);
  });

  it('KT. is for a vice-chair only', () => {
    const d = derive(CAST.headVP, { kind: 'KT', fromPosition: 'CHU_TICH' });
    expect(d).toEqual({ ok: false, reason: 'Chỉ Phó Chủ tịch mới được ký thay (KT.) Chủ tịch.' });
  });

  it('a civil servant without delegation has no signing authority', () => {
    const d = derive(CAST.compiler);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toContain('Chuyên viên không có thẩm quyền ký');
  });

  it('follows the organisation titles given', () => {
    const d = deriveSignatureBlock({
      organisation: { collectiveTitle: 'Ủy ban nhân dân', headTitle: 'Chủ tịch' },
      signer: CAST.pctVhxh,
      reportKind: 'CCHC',
      at: NOW,
    });
    expect(d.ok && d.lines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });
});

describe('signingAuthority by policy', () => {
  it('field policy: only the vice-chair in charge of the field signs in person', () => {
    expect(signingAuthority(POLICY_VHXH_PCT, CAST.pctVhxh, 'CCHC', NOW).ok).toBe(true);
    expect(signingAuthority(POLICY_VHXH_PCT, CAST.pctKt, 'CCHC', NOW)).toEqual({
      ok: false,
      reason: 'Chỉ Phó Chủ tịch phụ trách lĩnh vực văn hóa - xã hội mới được ký báo cáo này.',
    });
    expect(signingAuthority(POLICY_VHXH_PCT, CAST.chair, 'CCHC', NOW).ok).toBe(false);
  });

  it('chair policy: the chair, or a valid delegation when the policy honours them', () => {
    expect(signingAuthority(POLICY_CHAIR_SIGNS, CAST.chair, 'CCHC', NOW).ok).toBe(true);
    expect(signingAuthority(POLICY_CHAIR_SIGNS, CAST.pctVhxh, 'CCHC', NOW)).toEqual({
      ok: false,
      reason: 'Chỉ Chủ tịch mới được ký báo cáo này.',
    });
    const tuq = signingAuthority(POLICY_CHAIR_SIGNS, withDelegation(CAST.headVP, TUQ_2025), 'CCHC', NOW);
    expect(tuq).toEqual({ ok: true, delegation: TUQ_2025, lines: ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Trần Văn Hùng' });
  });

  it('an expired delegation gives the reason after the rule', () => {
    const s = signingAuthority(POLICY_CHAIR_SIGNS, withDelegation(CAST.headVP, TUQ_2025), 'CCHC', new Date('2026-02-01T00:00:00Z'));
    expect(s).toEqual({ ok: false, reason: 'Chỉ Chủ tịch mới được ký báo cáo này. Việc thừa ủy quyền (TUQ.) đã hết hạn ngày 31/12/2025.' });
  });

  it('a policy without delegation ignores valid delegations', () => {
    const s = signingAuthority(POLICY_FULL, withDelegation(CAST.headVP, TUQ_2025), 'CCHC', NOW);
    expect(s.ok).toBe(false);
    expect(!s.ok && s.reason).toContain('không áp dụng ký theo ủy quyền');
  });

  it('the scheduler never signs', () => {
    expect(signingAuthority(POLICY_CHAIR_SIGNS, CAST.system, 'CCHC', NOW).ok).toBe(false);
  });
});
