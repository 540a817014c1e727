import { allowedEvents, decide, may } from './answers';
import type { Decision, ReportRecord, WorkflowEffect } from './contract';
import { EVENT_LABELS, STATE_LABELS } from './labels';
import { POLICIES, POLICY_CHAIR_SIGNS, POLICY_FULL, POLICY_VHXH_PCT } from './policies';
import { reportContext, reportState } from './snapshots';
import { CAST, NOW, TUQ_2025, acceptAllSections, newReport, send, toAwaitingSignature } from '../testing/fixtures';

const refusal = (d: Decision) => (d.ok ? null : { code: d.code, reason: d.reason });
const effects = (d: Decision): WorkflowEffect[] => (d.ok ? d.effects : []);
const types = (r: ReportRecord, a = CAST.compiler) => allowedEvents(r, a, NOW).map((e) => e.type);
const signed = (policy = POLICY_VHXH_PCT, signer = CAST.pctVhxh) => send(toAwaitingSignature(policy), signer, { type: 'sign' });

describe('policies', () => {
  it('ships four policies keyed by code (three for a commune, one for a Sở)', () => {
    expect(Object.keys(POLICIES).sort()).toEqual(['CHAIR_SIGNS', 'FULL', 'SO_PGD', 'VHXH_PCT']);
    expect(POLICIES['VHXH_PCT']).toBe(POLICY_VHXH_PCT);
  });

  it('without a format check the compiler sends for signature; with one, the Office approves first', () => {
    let r = send(acceptAllSections(send(newReport(POLICY_VHXH_PCT), CAST.compiler, { type: 'open_collection' })), CAST.compiler, {
      type: 'start_compiling',
    });
    expect(types(r)).toEqual(['send_for_signature', 'cancel', ...Array(4).fill('return_section')]);
    expect(refusal(decide(r, CAST.compiler, { type: 'send_to_format_check' }, NOW))?.code).toBe('invalid');

    r = send(acceptAllSections(send(newReport(POLICY_FULL), CAST.compiler, { type: 'open_collection' })), CAST.compiler, {
      type: 'start_compiling',
    });
    expect(types(r)).toEqual(['send_to_format_check', 'cancel', ...Array(4).fill('return_section')]);
    r = send(r, CAST.compiler, { type: 'send_to_format_check' });
    expect(reportState(r.snapshot)).toBe('format_check');
    expect(refusal(decide(r, CAST.compiler, { type: 'approve_format' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ người kiểm tra thể thức của Văn phòng HĐND và UBND mới được duyệt thể thức ở bước này.',
    });
    expect(allowedEvents(r, CAST.formatChecker, NOW)).toEqual([
      { type: 'approve_format', commentRequired: false, label: 'Đạt thể thức, trình ký' },
      { type: 'return_report', commentRequired: true, label: 'Trả lại' },
    ]);
    const d = decide(r, CAST.formatChecker, { type: 'approve_format' }, NOW);
    expect(d.ok && d.reportTo).toBe('awaiting_signature');
    expect(effects(d)).toContainEqual({
      type: 'notify',
      to: { role: 'signer' },
      message: 'Báo cáo chờ Phó Chủ tịch phụ trách lĩnh vực văn hóa - xã hội ký.',
    });
  });

  it('a format checker who presented the report may not approve its format (no self-approval)', () => {
    const both = { ...CAST.formatChecker, unit: 'VP' as const, roles: ['format_checker' as const] };
    const policy = { ...POLICY_FULL, compilingUnit: 'VP' as const };
    let r = newReport(policy, []);
    const compilerChecker = { ...both, roles: ['compiler' as const, 'format_checker' as const] };
    r = send(r, compilerChecker, { type: 'open_collection' });
    r = send(r, compilerChecker, { type: 'start_compiling' });
    r = send(r, compilerChecker, { type: 'send_to_format_check' });
    expect(refusal(decide(r, compilerChecker, { type: 'approve_format' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Quy trình không cho phép người đã trình báo cáo tự duyệt thể thức; cần một người khác.',
    });
  });
});

describe('signing', () => {
  it('VHXH_PCT: the vice-chair for culture and society signs; another vice-chair is refused with the rule', () => {
    const r = toAwaitingSignature(POLICY_VHXH_PCT);
    expect(refusal(decide(r, CAST.pctKt, { type: 'sign' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ Phó Chủ tịch phụ trách lĩnh vực văn hóa - xã hội mới được ký báo cáo này.',
    });
    const d = decide(r, CAST.pctVhxh, { type: 'sign' }, NOW);
    expect(d.ok && d.reportTo).toBe('signed');
    expect(effects(d).slice(0, 2)).toEqual([
      {
        type: 'record_signature',
        signerId: 'u-pct-vx',
        lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        name: 'Nguyễn Văn An',
      },
      { type: 'freeze_signed_version' },
    ]);
    expect(effects(d)).toContainEqual({ type: 'notify', to: { role: 'clerk' }, message: 'Báo cáo đã được ký, chờ cấp số và ban hành.' });
    expect(d.ok && d.summary).toBe('Ký báo cáo (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — Nguyễn Văn An).');
  });

  it('CHAIR_SIGNS: the chair signs "TM. / CHỦ TỊCH"; a TUQ. holder signs within its validity only', () => {
    const r = toAwaitingSignature(POLICY_CHAIR_SIGNS);
    expect(refusal(decide(r, CAST.pctVhxh, { type: 'sign' }, NOW))?.reason).toBe('Chỉ Chủ tịch mới được ký báo cáo này.');
    const chair = decide(r, CAST.chair, { type: 'sign' }, NOW);
    expect(effects(chair)[0]).toEqual({
      type: 'record_signature',
      signerId: 'u-ct',
      lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: 'Phan Văn Quang',
    });
    const cvp = { ...CAST.headVP, delegations: [TUQ_2025] };
    expect(effects(decide(r, cvp, { type: 'sign' }, NOW))[0]).toEqual({
      type: 'record_signature',
      signerId: 'u-vp-cvp',
      lines: ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'],
      name: 'Trần Văn Hùng',
    });
    const late = decide(r, cvp, { type: 'sign' }, new Date('2026-01-05T02:00:00Z'));
    expect(refusal(late)).toEqual({
      code: 'forbidden',
      reason: 'Chỉ Chủ tịch mới được ký báo cáo này. Việc thừa ủy quyền (TUQ.) đã hết hạn ngày 31/12/2025.',
    });
    const otherKind = decide({ ...r, kind: 'KTXH' }, cvp, { type: 'sign' }, NOW);
    expect(refusal(otherKind)?.reason).toContain('không bao gồm loại báo cáo KTXH');
    expect(allowedEvents(r, cvp, new Date('2026-01-05T02:00:00Z'))).toEqual([]);
  });

  it('FULL does not honour delegations', () => {
    const r = toAwaitingSignature(POLICY_FULL);
    const cvp = { ...CAST.headVP, delegations: [TUQ_2025] };
    expect(refusal(decide(r, cvp, { type: 'sign' }, NOW))?.code).toBe('forbidden');
  });

  it('the person who presented the report may not sign it unless the policy allows self-approval', () => {
    const pctCompiler = { ...CAST.pctVhxh, unit: 'VHXH' as const, roles: ['compiler' as const] };
    for (const [policy, ok] of [
      [POLICY_VHXH_PCT, false],
      [{ ...POLICY_VHXH_PCT, allowSelfApproval: true }, true],
    ] as const) {
      let r = send(acceptAllSections(send(newReport(policy), CAST.compiler, { type: 'open_collection' })), CAST.compiler, {
        type: 'start_compiling',
      });
      r = send(r, pctCompiler, { type: 'send_for_signature' });
      const d = decide(r, pctCompiler, { type: 'sign' }, NOW);
      expect(d.ok).toBe(ok);
    }
  });

  it('signing in the wrong state is invalid, naming the state', () => {
    let r = send(newReport(POLICY_VHXH_PCT), CAST.compiler, { type: 'open_collection' });
    r = send(acceptAllSections(r), CAST.compiler, { type: 'start_compiling' });
    expect(refusal(decide(r, CAST.pctVhxh, { type: 'sign' }, NOW))).toEqual({
      code: 'invalid',
      reason: "Báo cáo đang ở bước 'Đang tổng hợp', không thể ký.",
    });
  });

  it('the signer returns the report to compiling with a comment', () => {
    const r = toAwaitingSignature(POLICY_VHXH_PCT);
    expect(refusal(decide(r, CAST.pctVhxh, { type: 'return_report' }, NOW))).toEqual({
      code: 'invalid',
      reason: 'Cần nhập lý do/ý kiến khi trả lại.',
    });
    expect(refusal(decide(r, CAST.clerk, { type: 'return_report', comment: 'x' }, NOW))?.code).toBe('forbidden');
    const d = decide(r, CAST.pctVhxh, { type: 'return_report', comment: 'Bổ sung đánh giá phần III' }, NOW);
    expect(d.ok && d.reportTo).toBe('compiling');
    expect(effects(d)).toContainEqual({
      type: 'notify',
      to: { role: 'compiler', unit: 'VHXH' },
      message: 'Báo cáo cần được tổng hợp và trình. Ý kiến: Bổ sung đánh giá phần III',
    });
  });
});

describe('after signing', () => {
  it('revoking a signature returns the report and removes the signature', () => {
    let r = signed();
    expect(refusal(decide(r, CAST.compiler, { type: 'revoke_signature', comment: 'Sai số liệu' }, NOW))?.code).toBe('forbidden');
    expect(refusal(decide(r, CAST.pctVhxh, { type: 'revoke_signature' }, NOW))?.reason).toBe('Cần nhập lý do/ý kiến khi trả lại.');
    const d = decide(r, CAST.pctVhxh, { type: 'revoke_signature', comment: 'Sai số liệu phụ lục' }, NOW);
    expect(d.ok && [d.reportFrom, d.reportTo]).toEqual(['signed', 'returned']);
    expect(effects(d)).toContainEqual({ type: 'revoke_signature' });
    r = send(r, CAST.pctVhxh, { type: 'revoke_signature', comment: 'Sai số liệu phụ lục' });
    expect(reportContext(r.snapshot).signature).toBeNull();
    expect(refusal(decide(r, CAST.clerk, { type: 'issue' }, NOW))?.code).toBe('invalid');
    expect(types(r)).toEqual(['resume_compiling', 'cancel']);
    r = send(r, CAST.compiler, { type: 'resume_compiling' });
    expect(reportState(r.snapshot)).toBe('compiling');
  });

  it('the clerk issues (assign_number), dispatches and records acknowledgement', () => {
    let r = signed();
    expect(refusal(decide(r, CAST.compiler, { type: 'issue' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ văn thư mới được cấp số và ban hành báo cáo.',
    });
    expect(allowedEvents(r, CAST.clerk, NOW)).toEqual([{ type: 'issue', commentRequired: false, label: 'Cấp số và ban hành' }]);
    const d = decide(r, CAST.clerk, { type: 'issue' }, NOW);
    expect(effects(d)[0]).toEqual({ type: 'assign_number' });
    r = send(r, CAST.clerk, { type: 'issue' });
    expect(refusal(decide(r, CAST.compiler, { type: 'cancel', comment: 'x' }, NOW))).toEqual({
      code: 'invalid',
      reason: "Báo cáo đang ở bước 'Đã ban hành', không thể hủy.",
    });
    r = send(r, CAST.clerk, { type: 'dispatch' });
    expect(allowedEvents(r, CAST.clerk, NOW).map((e) => e.label)).toEqual(['Xác nhận đã nhận', 'Bị từ chối']);
    r = send(r, CAST.clerk, { type: 'acknowledge' });
    expect(reportState(r.snapshot)).toBe('acknowledged');
    expect(allowedEvents(r, CAST.clerk, NOW)).toEqual([]);
    expect(refusal(decide(r, CAST.system, { type: 'reminder' }, NOW))?.code).toBe('invalid');
  });

  it('a refusal by the recipient reopens a new revision at compiling, without the old signature', () => {
    let r = send(send(signed(), CAST.clerk, { type: 'issue' }), CAST.clerk, { type: 'dispatch' });
    expect(refusal(decide(r, CAST.clerk, { type: 'refuse' }, NOW))?.reason).toBe('Cần nhập lý do cơ quan nhận từ chối báo cáo.');
    const d = decide(r, CAST.clerk, { type: 'refuse', comment: 'Sai mẫu biểu số 02' }, NOW);
    expect(d.ok && [d.reportFrom, d.reportTo]).toEqual(['submitted', 'compiling']);
    expect(effects(d)).toContainEqual({ type: 'new_revision' });
    expect(d.ok && d.summary).toBe('Ghi nhận bị từ chối báo cáo (mở lần sửa thứ 2): Sai mẫu biểu số 02.');
    r = send(r, CAST.clerk, { type: 'refuse', comment: 'Sai mẫu biểu số 02' });
    const ctx = reportContext(r.snapshot);
    expect([ctx.revision, ctx.signature, ctx.presentedBy]).toEqual([2, null, null]);
    r = send(r, CAST.compiler, { type: 'send_for_signature' });
    r = send(r, CAST.pctVhxh, { type: 'sign' });
    expect(reportState(r.snapshot)).toBe('signed');
  });
});

describe('cancel', () => {
  it('only the compiler cancels, with a reason, from any state before issuing', () => {
    const r = toAwaitingSignature(POLICY_VHXH_PCT);
    expect(refusal(decide(r, CAST.compiler, { type: 'cancel' }, NOW))).toEqual({
      code: 'invalid',
      reason: 'Cần nhập lý do khi hủy báo cáo.',
    });
    expect(refusal(decide(r, CAST.drafterVP, { type: 'cancel', comment: 'x' }, NOW))?.code).toBe('forbidden');
    const d = decide(r, CAST.compiler, { type: 'cancel', comment: 'Sở Nội vụ thu hồi yêu cầu' }, NOW);
    expect(d.ok && d.reportTo).toBe('cancelled');
    const s = decide(signed(), CAST.compiler, { type: 'cancel', comment: 'Thay bằng báo cáo khác' }, NOW);
    expect(effects(s)).toContainEqual({ type: 'revoke_signature' });
    expect(types(newReport(POLICY_VHXH_PCT))).toEqual(['open_collection', 'cancel']);
  });
});

describe('reminders and overdue', () => {
  it('are system events: no state change, notify whoever must act', () => {
    const r = toAwaitingSignature(POLICY_VHXH_PCT);
    expect(refusal(decide(r, CAST.compiler, { type: 'reminder' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ hệ thống nhắc việc mới được gửi thông báo nhắc hạn.',
    });
    const d = decide(r, CAST.system, { type: 'reminder' }, NOW);
    expect(d.ok && [d.reportFrom, d.reportTo]).toEqual(['awaiting_signature', 'awaiting_signature']);
    expect(effects(d)).toEqual([
      { type: 'notify', to: { role: 'signer' }, message: 'Nhắc hạn: Báo cáo chờ Phó Chủ tịch phụ trách lĩnh vực văn hóa - xã hội ký.' },
    ]);
    const o = send(r, CAST.system, { type: 'overdue' });
    expect(reportContext(o.snapshot).overdue).toBe(true);
    expect(reportState(o.snapshot)).toBe('awaiting_signature');
    expect(allowedEvents(r, CAST.system, NOW).map((e) => e.type)).toEqual(['reminder', 'overdue']);
  });

  it('a reminder for a section goes to its drafter', () => {
    const r = send(newReport(POLICY_VHXH_PCT), CAST.compiler, { type: 'open_collection' });
    const d = decide(r, CAST.system, { type: 'reminder', sectionId: 'II.5' }, NOW);
    expect(effects(d)).toEqual([
      { type: 'notify', to: { userId: 'u-kt-cv' }, message: 'Nhắc hạn: Được giao soạn phần II.5 (Phòng Kinh tế).' },
    ]);
  });
});

describe('allowedEvents and may agree with decide', () => {
  it('every allowed event succeeds and a refusal lists the alternatives', () => {
    const r = toAwaitingSignature(POLICY_CHAIR_SIGNS);
    for (const a of allowedEvents(r, CAST.chair, NOW)) {
      expect(decide(r, CAST.chair, { type: a.type, comment: a.commentRequired ? 'ý kiến' : undefined }, NOW).ok).toBe(true);
    }
    const d = decide(r, CAST.chair, { type: 'issue' }, NOW);
    expect(d.ok === false && d.allowed.map((a) => a.type)).toEqual(['return_report', 'sign']);
    expect(may(r, CAST.chair, { type: 'issue' }, NOW)).toEqual({
      ok: false,
      code: 'invalid',
      reason: "Báo cáo đang ở bước 'Chờ ký', không thể cấp số và ban hành.",
    });
  });

  it('unknown event types and definition versions are refused', () => {
    const r = newReport(POLICY_VHXH_PCT);
    expect(refusal(decide(r, CAST.compiler, { type: 'explode' as never }, NOW))?.code).toBe('invalid');
    expect(refusal(decide({ ...r, definitionVersion: 99 }, CAST.compiler, { type: 'open_collection' }, NOW))).toEqual({
      code: 'invalid',
      reason: 'Phiên bản quy trình 99 không còn được hỗ trợ.',
    });
  });
});

describe('labels', () => {
  it('names every state and event in Vietnamese', () => {
    expect(STATE_LABELS.collecting).toBe('Đang thu thập');
    expect(STATE_LABELS.awaiting_signature).toBe('Chờ ký');
    expect(EVENT_LABELS.sign).toBe('Ký');
    expect(Object.values(STATE_LABELS).every((l) => l.length > 0)).toBe(true);
  });
});
