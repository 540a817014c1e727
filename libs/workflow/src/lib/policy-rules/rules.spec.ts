import { POLICY_CHAIR_SIGNS, POLICY_FULL, POLICY_VHXH_PCT } from '../policies';
import { CAST } from '../../testing/fixtures';
import { delegationProblems, dayWithinDelegation, delegationProblemOn, grantProblems, toDelegation } from './delegation';
import { holderText, reportHolder } from './holder';
import { acceptedVersionText, partFieldChanges, reportFieldChanges } from './part-fields';
import { formatRegisterNumber } from '@trinhky/domain';
import { REGISTER_NUMBER, registerNumberText } from './register-number';
import { intendedSigner } from './signer';
import {
  CLERK_REPORT_STATES,
  REPORT_STATES,
  REPORT_STATES_WITH_DEADLINE,
  SECTION_STATES_WITH_DEADLINE,
  awaitsClerk,
  isFinalReportState,
  reportDeadlineRuns,
} from './states';

describe('state facts', () => {
  it('a report’s deadline runs until it is sent; a part’s until its unit hands it in', () => {
    expect(REPORT_STATES_WITH_DEADLINE).toEqual([
      'draft',
      'collecting',
      'compiling',
      'format_check',
      'awaiting_signature',
      'signed',
      'returned',
      'issued',
    ]);
    expect(SECTION_STATES_WITH_DEADLINE).toEqual(['assigned', 'drafting', 'head_review', 'returned']);
    expect(reportDeadlineRuns('issued')).toBe(true);
    expect(reportDeadlineRuns('submitted')).toBe(false);
    expect(reportDeadlineRuns('nonsense')).toBe(false);
  });

  it('reads the clerk’s states and the final states from the transition table', () => {
    expect(CLERK_REPORT_STATES).toEqual(['signed', 'issued', 'submitted']);
    expect(awaitsClerk('compiling')).toBe(false);
    expect(REPORT_STATES.filter(isFinalReportState)).toEqual(['acknowledged', 'cancelled']);
  });
});

describe('reportHolder', () => {
  const sections = [
    { unit: 'KT', state: 'accepted' },
    { unit: 'VP', state: 'drafting' },
    { unit: 'HCC', state: 'assigned' },
    { unit: 'VP', state: 'submitted' },
  ];
  const names = { unit: (c: string) => `P.${c}`, recipients: ['Sở Nội vụ'] };

  it('names who holds the report in every state', () => {
    const text = (policy = POLICY_VHXH_PCT, state: string, s = sections) => holderText(reportHolder(policy, state, s), names);
    expect(text(POLICY_VHXH_PCT, 'draft')).toBe('P.VHXH');
    expect(text(POLICY_VHXH_PCT, 'collecting')).toBe('P.VP, P.HCC');
    expect(text(POLICY_VHXH_PCT, 'collecting', [{ unit: 'KT', state: 'accepted' }])).toBe('P.VHXH');
    expect(text(POLICY_FULL, 'format_check')).toBe('P.VP');
    expect(text(POLICY_VHXH_PCT, 'awaiting_signature')).toBe('Phó Chủ tịch phụ trách lĩnh vực văn hóa - xã hội');
    expect(text(POLICY_CHAIR_SIGNS, 'awaiting_signature')).toBe('Chủ tịch');
    expect(holderText(reportHolder(POLICY_CHAIR_SIGNS, 'awaiting_signature', []), { ...names, signer: 'Phan Văn Quang' })).toBe(
      'Phan Văn Quang',
    );
    expect(text(POLICY_VHXH_PCT, 'issued')).toBe('Văn thư');
    expect(text(POLICY_VHXH_PCT, 'submitted')).toBe('Sở Nội vụ');
    expect(holderText(reportHolder(POLICY_VHXH_PCT, 'submitted', []), { ...names, recipients: [] })).toBe('Cơ quan nhận');
    expect(text(POLICY_VHXH_PCT, 'acknowledged')).toBe('—');
  });
});

describe('intendedSigner', () => {
  const people = [CAST.chair, { ...CAST.pctVhxh, active: false }, CAST.pctKt, { ...CAST.pctVhxh, userId: 'u-2' }];
  it('is the active holder of the position the policy names', () => {
    expect(intendedSigner(POLICY_CHAIR_SIGNS, people)?.userId).toBe(CAST.chair.userId);
    expect(intendedSigner(POLICY_VHXH_PCT, people)?.userId).toBe('u-2');
    expect(intendedSigner(POLICY_VHXH_PCT, [CAST.pctKt, CAST.chair])).toBeUndefined();
  });
});

describe('registerNumberText', () => {
  it('writes at least two digits, then type and suffix', () => {
    expect(registerNumberText(7, 'BC', 'UBND')).toBe('07/BC-UBND');
    expect(registerNumberText(10, 'BC', 'UBND')).toBe('10/BC-UBND');
    expect(registerNumberText(115, 'KH', 'UBND')).toBe('115/KH-UBND');
    // The SQL is built from REGISTER_NUMBER: it must say what the domain's serial format does.
    for (let n = 1; n <= 1200; n++) expect(formatRegisterNumber(n)).toBe(String(n).padStart(REGISTER_NUMBER.minDigits, '0'));
    expect(() => registerNumberText(0, 'BC', 'UBND')).toThrow();
  });
});

describe('delegation validity: one rule for signing, the admin API and the admin form', () => {
  const tuq = {
    kind: 'TUQ' as const,
    fromPosition: 'CHU_TICH' as const,
    validFrom: '2025-09-01',
    validTo: '2025-12-31',
    reportKinds: ['CCHC'],
  };
  const head = CAST.headVP;

  it('in force on a day, inclusive, for the kinds it covers', () => {
    expect(delegationProblems(tuq, head, { day: '2025-09-01', reportKind: 'CCHC' })).toEqual([]);
    expect(delegationProblems(tuq, head, { day: '2025-12-31' })).toEqual([]);
    expect(delegationProblemOn(tuq, head, { day: '2025-08-31' })).toEqual({
      field: 'validFrom',
      reason: 'Việc thừa ủy quyền (TUQ.) chưa có hiệu lực (từ ngày 01/09/2025).',
    });
    expect(delegationProblemOn(tuq, head, { day: '2026-01-01' })).toEqual({
      field: 'validTo',
      reason: 'Việc thừa ủy quyền (TUQ.) đã hết hạn ngày 31/12/2025.',
    });
    expect(delegationProblemOn(tuq, head, { day: '2025-10-01', reportKind: 'KTXH' })?.field).toBe('reportKinds');
  });

  it('granting: a future delegation is fine, one already over is not', () => {
    expect(delegationProblems(tuq, head, { day: '2025-08-01', mode: 'from' })).toEqual([]);
    expect(delegationProblems(tuq, head, { day: '2026-01-01', mode: 'from' })).toEqual([
      { field: 'validTo', reason: 'Đến ngày đã qua: ủy quyền mới phải còn hiệu lực từ hôm nay trở đi.' },
    ]);
  });

  it('names every broken rule with its field', () => {
    const bad = { kind: 'TUQ' as const, fromPosition: 'PHO_CHU_TICH' as const };
    expect(delegationProblems(bad, head, { day: '2025-10-01' }).map((p) => p.field)).toEqual(['fromPosition', 'validFrom', 'validTo']);
    expect(delegationProblems({ ...tuq, validFrom: '2025-12-31', validTo: '2025-12-01' }, head, { day: '2025-12-10' })).toEqual([
      { field: 'validTo', reason: 'Đến ngày phải trùng hoặc sau từ ngày.' },
    ]);
    for (const kind of ['KT', 'TM', 'Q'] as const) {
      expect(delegationProblemOn({ kind, fromPosition: 'CHU_TICH' }, head, { day: '2025-10-01' })).toMatchObject({
        field: 'userId',
        reason: expect.stringMatching(/^Chỉ Phó Chủ tịch mới được .* Chủ tịch\.$/),
      });
      expect(delegationProblems({ kind, fromPosition: 'CHU_TICH' }, CAST.pctKt, { day: '2025-10-01' })).toEqual([]);
    }
    expect(delegationProblemOn({ kind: 'TL', fromPosition: 'CHU_TICH' }, CAST.chair, { day: '2025-10-01' })?.reason).toMatch(
      /Chủ tịch ký với thẩm quyền của mình/,
    );
  });

  it('reads a grant request (nulls and empty lists are absent, the Chủ tịch delegates by default) and judges it from today', () => {
    expect(toDelegation({ kind: 'TL', validFrom: null, validTo: '', reportKinds: [] })).toEqual({ kind: 'TL', fromPosition: 'CHU_TICH' });
    expect(
      toDelegation({ kind: 'TUQ', fromPosition: 'CHU_TICH', validFrom: '2025-09-01', validTo: '2025-12-31', reportKinds: ['CCHC'] }),
    ).toEqual(tuq);
    expect(grantProblems({ kind: 'TUQ', validFrom: '2025-09-01', validTo: null }, head, '2025-08-01')).toEqual([
      { field: 'validTo', reason: 'Giấy ủy quyền (TUQ.) phải có thời hạn: cần ghi rõ cả từ ngày và đến ngày.' },
    ]);
    expect(grantProblems(tuq, head, '2025-08-01')).toEqual(delegationProblems(tuq, head, { day: '2025-08-01', mode: 'from' }));
  });

  it('picks a day inside the validity to show the block it gives', () => {
    expect(dayWithinDelegation(tuq, '2025-10-10')).toBe('2025-10-10');
    expect(dayWithinDelegation(tuq, '2025-01-10')).toBe('2025-09-01');
    expect(dayWithinDelegation(tuq, '2026-01-10')).toBe('2025-12-31');
    expect(dayWithinDelegation({}, '2026-01-10')).toBe('2026-01-10');
  });
});

describe('the fields an event changes', () => {
  it('pins the accepted revision on accept, unpins it when an accepted part leaves, keeps the return comment', () => {
    const p = { currentRevisionId: 'rev-3' };
    expect(partFieldChanges({ from: 'submitted', to: 'accepted' }, p)).toEqual({ acceptedRevisionId: 'rev-3' });
    expect(partFieldChanges({ from: 'accepted', to: 'returned' }, p, 'Sửa số liệu')).toEqual({
      acceptedRevisionId: null,
      lastComment: 'Sửa số liệu',
    });
    expect(partFieldChanges({ from: 'submitted', to: 'returned' }, p)).toEqual({ lastComment: null });
    expect(partFieldChanges({ from: 'assigned', to: 'drafting' }, p)).toEqual({});
  });

  it('records, clears and renews the signature and the signed hash', () => {
    expect(reportFieldChanges({ type: 'record_signature', signerId: 'u', lines: ['A'], name: 'N' })).toEqual({
      signature: { signerId: 'u', lines: ['A'], name: 'N' },
      signedHash: 'accepted_versions',
    });
    expect(reportFieldChanges({ type: 'revoke_signature' })).toEqual({ signature: null, signedHash: null });
    expect(reportFieldChanges({ type: 'new_revision' })).toEqual({
      nextRevision: true,
      clearNumber: true,
      signature: null,
      signedHash: null,
    });
    expect(reportFieldChanges({ type: 'assign_number' })).toEqual({});
  });

  it('hashes what was accepted, not what is being typed', () => {
    const parts = [
      { code: 'I', currentRevisionId: 'r1', currentContentHash: 'h1', acceptedRevisionId: 'r1' },
      { code: 'II', currentRevisionId: 'r2', currentContentHash: 'h2', acceptedRevisionId: null },
    ];
    expect(acceptedVersionText(parts)).toBe('I:r1:h1\nII:-:-');
  });
});
