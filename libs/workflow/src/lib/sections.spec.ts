import { allowedEvents, decide } from './answers';
import { createReportWorkflow, createSectionRecord } from './creation';
import type { Decision, ReportRecord } from './contract';
import { POLICY_CHAIR_SIGNS, POLICY_FULL, POLICY_VHXH_PCT } from './policies';
import { reportState, sectionState } from './snapshots';
import { CAST, NOW, acceptAllSections, newReport, send, submitSection } from '../testing/fixtures';

const refusal = (d: Decision) => (d.ok ? null : { code: d.code, reason: d.reason });
const states = (r: ReportRecord) => Object.fromEntries(r.sections.map((s) => [s.id, sectionState(s.snapshot)]));
const collecting = (policy = POLICY_VHXH_PCT) => send(newReport(policy), CAST.compiler, { type: 'open_collection' });

describe('createReportWorkflow', () => {
  it('starts the report in draft and every section assigned', () => {
    const w = createReportWorkflow(POLICY_VHXH_PCT, [
      { id: 'II.1', unit: 'VP', assigneeId: null },
      { id: 'II.5', unit: 'KT', assigneeId: 'u-kt-cv' },
    ]);
    expect(w.state).toBe('draft');
    expect(reportState(w.reportSnapshot)).toBe('draft');
    expect(w.sections.map((s) => [s.id, s.unit, s.assigneeId, sectionState(s.snapshot)])).toEqual([
      ['II.1', 'VP', null, 'assigned'],
      ['II.5', 'KT', 'u-kt-cv', 'assigned'],
    ]);
    expect(w.definitionVersion).toBe(2);
  });

  it('a section added while collecting starts assigned and blocks compiling until accepted', () => {
    let r = acceptAllSections(collecting());
    const added = createSectionRecord(r.policy, r.definitionVersion, { id: 'II.6', unit: 'VP', assigneeId: null });
    expect(sectionState(added.snapshot)).toBe('assigned');
    r = { ...r, sections: [...r.sections, added] };
    expect(refusal(decide(r, CAST.compiler, { type: 'start_compiling' }, NOW))?.reason).toContain('(II.6)');
    r = send(submitSection(r, 'II.6'), CAST.compiler, { type: 'accept_section', sectionId: 'II.6' });
    expect(decide(r, CAST.compiler, { type: 'start_compiling' }, NOW).ok).toBe(true);
  });

  it('refuses duplicate section ids', () => {
    expect(() =>
      createReportWorkflow(POLICY_VHXH_PCT, [
        { id: 'A', unit: 'VP', assigneeId: null },
        { id: 'A', unit: 'KT', assigneeId: null },
      ]),
    ).toThrow(/Duplicate/);
  });
});

describe('section lifecycle', () => {
  it('drafter → submit → compiler accepts (no head acceptance)', () => {
    let r = collecting();
    r = send(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' });
    const d = decide(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' }, NOW);
    expect(d.ok && d.sections.map(({ id, from, to }) => ({ id, from, to }))).toEqual([{ id: 'II.1', from: 'drafting', to: 'submitted' }]);
    expect(d.ok && d.reportFrom === 'collecting' && d.reportTo === 'collecting').toBe(true);
    expect(d.ok && d.effects).toContainEqual({
      type: 'notify',
      to: { role: 'compiler', unit: 'VHXH' },
      message: 'Phần II.1 (Văn phòng HĐND và UBND) đã được nộp, chờ đơn vị chủ trì chấp nhận.',
    });
    expect(d.ok && d.summary).toBe('Nộp phần II.1 (Văn phòng HĐND và UBND).');
    r = send(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' });
    r = send(r, CAST.compiler, { type: 'accept_section', sectionId: 'II.1' });
    expect(states(r)['II.1']).toBe('accepted');
  });

  it("the assignee may draft a section of another unit; another unit's drafter may not", () => {
    const r = collecting();
    const outsider = { ...CAST.drafterVP, userId: 'u-x' };
    expect(refusal(decide(r, outsider, { type: 'start_drafting', sectionId: 'II.5' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ chuyên viên của Phòng Kinh tế hoặc người được giao mới được bắt đầu soạn phần II.5.',
    });
    const assignee = { ...CAST.drafterVP, userId: 'u-kt-cv' };
    expect(decide(r, assignee, { type: 'start_drafting', sectionId: 'II.5' }, NOW).ok).toBe(true);
  });

  it('only the compiling unit accepts sections', () => {
    let r = collecting();
    r = send(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' });
    r = send(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' });
    expect(refusal(decide(r, CAST.headVP, { type: 'accept_section', sectionId: 'II.1' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ lãnh đạo hoặc chuyên viên tổng hợp của Phòng Văn hóa - Xã hội (đơn vị chủ trì) mới được chấp nhận phần báo cáo.',
    });
    expect(decide(r, CAST.headVHXH, { type: 'accept_section', sectionId: 'II.1' }, NOW).ok).toBe(true);
  });

  it('returning a section needs a comment and tells the drafter why', () => {
    let r = collecting();
    r = send(r, CAST.drafterKT, { type: 'start_drafting', sectionId: 'II.5' });
    r = send(r, CAST.drafterKT, { type: 'submit_section', sectionId: 'II.5' });
    for (const comment of [undefined, '', '   ']) {
      expect(refusal(decide(r, CAST.compiler, { type: 'return_section', sectionId: 'II.5', comment }, NOW))).toEqual({
        code: 'invalid',
        reason: 'Cần nhập lý do/ý kiến khi trả lại.',
      });
    }
    const d = decide(r, CAST.compiler, { type: 'return_section', sectionId: 'II.5', comment: 'Thiếu số liệu chi thường xuyên' }, NOW);
    expect(d.ok && d.effects).toContainEqual({
      type: 'notify',
      to: { userId: 'u-kt-cv' },
      message: 'Phần II.5 (Phòng Kinh tế) bị trả lại, cần soạn lại. Ý kiến: Thiếu số liệu chi thường xuyên',
    });
    expect(d.ok && d.summary).toBe('Trả lại phần II.5 (Phòng Kinh tế): Thiếu số liệu chi thường xuyên.');
    r = send(r, CAST.compiler, { type: 'return_section', sectionId: 'II.5', comment: 'Thiếu số liệu' });
    expect(states(r)['II.5']).toBe('returned');
    r = send(r, CAST.drafterKT, { type: 'start_drafting', sectionId: 'II.5' });
    expect(states(r)['II.5']).toBe('drafting');
  });

  it('unknown or missing section id is invalid', () => {
    const r = collecting();
    expect(refusal(decide(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'IX' }, NOW))).toEqual({
      code: 'invalid',
      reason: 'Không tìm thấy phần "IX" trong báo cáo.',
    });
    expect(refusal(decide(r, CAST.drafterVP, { type: 'start_drafting' }, NOW))?.code).toBe('invalid');
  });

  it('section work is only possible while collecting', () => {
    const r = newReport(POLICY_VHXH_PCT);
    expect(refusal(decide(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' }, NOW))).toEqual({
      code: 'invalid',
      reason: "Báo cáo đang ở bước 'Đang khởi tạo', không thể bắt đầu soạn phần báo cáo.",
    });
  });

  it('an event the section state does not allow is invalid, naming the state', () => {
    const r = collecting();
    expect(refusal(decide(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' }, NOW))).toEqual({
      code: 'invalid',
      reason: "Phần II.1 đang ở bước 'Đã giao', không thể nộp.",
    });
  });

  it('the compiler may not accept a section they submitted themselves unless the policy allows it', () => {
    for (const [policy, ok] of [
      [POLICY_VHXH_PCT, false],
      [POLICY_CHAIR_SIGNS, true],
    ] as const) {
      const selfDrafter = { ...CAST.compiler, roles: ['compiler' as const, 'drafter' as const] };
      let r = collecting(policy);
      r = send(r, selfDrafter, { type: 'start_drafting', sectionId: 'II.3' });
      r = send(r, selfDrafter, { type: 'submit_section', sectionId: 'II.3' });
      const d = decide(r, selfDrafter, { type: 'accept_section', sectionId: 'II.3' }, NOW);
      expect(d.ok).toBe(ok);
      if (!d.ok) expect(d.reason).toBe('Quy trình không cho phép người đã nộp phần II.3 tự chấp nhận; cần một người khác.');
    }
  });
});

describe('department-head acceptance (POLICY_FULL)', () => {
  it('submitting goes to head_review; the unit head accepts before the compiler', () => {
    let r = collecting(POLICY_FULL);
    r = send(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' });
    const d = decide(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' }, NOW);
    expect(d.ok && d.sections[0].to).toBe('head_review');
    expect(d.ok && d.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { role: 'head', unit: 'VP' } }));
    r = send(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' });
    expect(refusal(decide(r, CAST.compiler, { type: 'accept_section', sectionId: 'II.1' }, NOW))?.code).toBe('invalid');
    expect(refusal(decide(r, CAST.headKT, { type: 'head_accept_section', sectionId: 'II.1' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ trưởng đơn vị Văn phòng HĐND và UBND mới được chấp nhận (trưởng phòng) phần II.1.',
    });
    expect(allowedEvents(r, CAST.headVP, NOW)).toEqual([
      { type: 'head_accept_section', sectionId: 'II.1', commentRequired: false, label: 'Chấp nhận' },
      { type: 'head_return_section', sectionId: 'II.1', commentRequired: true, label: 'Trả lại' },
    ]);
    expect(refusal(decide(r, CAST.headVP, { type: 'head_return_section', sectionId: 'II.1' }, NOW))?.reason).toBe(
      'Cần nhập lý do/ý kiến khi trả lại.',
    );
    r = send(r, CAST.headVP, { type: 'head_accept_section', sectionId: 'II.1' });
    expect(states(r)['II.1']).toBe('submitted');
    r = send(r, CAST.compiler, { type: 'accept_section', sectionId: 'II.1' });
    expect(states(r)['II.1']).toBe('accepted');
  });

  it('policies without head acceptance have no head_review step', () => {
    let r = collecting(POLICY_VHXH_PCT);
    r = send(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' });
    r = send(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' });
    expect(refusal(decide(r, CAST.headVP, { type: 'head_accept_section', sectionId: 'II.1' }, NOW))?.code).toBe('invalid');
  });
});

describe('sections and the report', () => {
  it('start_compiling waits until every section is accepted', () => {
    let r = collecting();
    expect(refusal(decide(r, CAST.compiler, { type: 'start_compiling' }, NOW))).toEqual({
      code: 'invalid',
      reason: 'Còn 4 phần chưa được chấp nhận (II.1, II.2, II.3, II.5); chỉ tổng hợp khi mọi phần đã được chấp nhận.',
    });
    r = acceptAllSections(r);
    const d = decide(r, CAST.compiler, { type: 'start_compiling' }, NOW);
    expect(d.ok && d.reportTo).toBe('compiling');
  });

  it('the last acceptance tells the compiler the report can be compiled', () => {
    let r = collecting();
    for (const id of ['II.1', 'II.2', 'II.3', 'II.5']) r = submitSection(r, id);
    for (const id of ['II.1', 'II.2', 'II.3']) r = send(r, CAST.compiler, { type: 'accept_section', sectionId: id });
    const before = r;
    const notAll = decide(before, CAST.compiler, { type: 'accept_section', sectionId: 'II.3' }, NOW);
    expect(notAll.ok).toBe(false);
    const d = decide(before, CAST.compiler, { type: 'accept_section', sectionId: 'II.5' }, NOW);
    expect(d.ok && d.effects).toContainEqual({
      type: 'notify',
      to: { role: 'compiler', unit: 'VHXH' },
      message: 'Tất cả các phần đã được chấp nhận, có thể bắt đầu tổng hợp.',
    });
  });

  it('returning an accepted section while compiling sends the report back to collecting', () => {
    let r = send(acceptAllSections(collecting()), CAST.compiler, { type: 'start_compiling' });
    const d = decide(r, CAST.compiler, { type: 'return_section', sectionId: 'II.2', comment: 'Số hồ sơ không khớp phụ lục' }, NOW);
    expect(d.ok && [d.reportFrom, d.reportTo, d.sections[0].from, d.sections[0].to]).toEqual([
      'compiling',
      'collecting',
      'accepted',
      'returned',
    ]);
    r = send(r, CAST.compiler, { type: 'return_section', sectionId: 'II.2', comment: 'Số hồ sơ không khớp' });
    expect(refusal(decide(r, CAST.compiler, { type: 'start_compiling' }, NOW))?.reason).toContain('(II.2)');
    expect(refusal(decide(r, CAST.compiler, { type: 'return_section', sectionId: 'II.2', comment: 'x' }, NOW))?.code).toBe('invalid');
  });

  it('other section events are refused while compiling', () => {
    const r = send(acceptAllSections(collecting()), CAST.compiler, { type: 'start_compiling' });
    expect(refusal(decide(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' }, NOW))).toEqual({
      code: 'invalid',
      reason: "Báo cáo đang ở bước 'Đang tổng hợp', không thể bắt đầu soạn phần báo cáo.",
    });
  });
});
