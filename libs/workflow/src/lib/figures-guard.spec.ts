import { decide, allowedEvents } from './answers';
import type { Decision, FigureIssue, ReportRecord } from './contract';
import { POLICY_VHXH_PCT } from './policies';
import { CAST, NOW, newReport, send, toAwaitingSignature } from '../testing/fixtures';

const refusal = (d: Decision) => (d.ok ? null : { code: d.code, reason: d.reason });
const err: FigureIssue = {
  severity: 'error',
  message: 'Tỷ lệ ghi 96,5 nhưng 950/1.000 = 95,00 %',
  part: 'II.5 Cải cách tài chính công',
  code: '1.3',
  explained: false,
};
const warn = (explained: boolean): FigureIssue => ({
  severity: 'warning',
  message: 'Tổng khác các phần (lệch 2)',
  part: 'II.5 Cải cách tài chính công',
  code: '3',
  explained,
});
const withFindings = (r: ReportRecord, i: number, f: FigureIssue[]): ReportRecord => ({
  ...r,
  sections: r.sections.map((s, j) => (j === i ? { ...s, figureFindings: f } : s)),
});

describe('figures in the workflow (issue 11)', () => {
  it('signing is refused while a finding is unanswered (errors, unexplained warnings), with the list; explained warnings pass', () => {
    const r = toAwaitingSignature(POLICY_VHXH_PCT);
    expect(decide(r, CAST.pctVhxh, { type: 'sign' }, NOW).ok).toBe(true);
    expect(refusal(decide(withFindings(r, 1, [err, warn(false)]), CAST.pctVhxh, { type: 'sign' }, NOW))).toEqual({
      code: 'invalid',
      reason:
        'Chưa ký được: còn 2 phát hiện về số liệu chưa được xử lý hoặc giải trình: phần II.5 Cải cách tài chính công: 1.3 Tỷ lệ ghi 96,5 nhưng 950/1.000 = 95,00 %; phần II.5 Cải cách tài chính công: 3 Tổng khác các phần (lệch 2).',
    });
    expect(allowedEvents(withFindings(r, 1, [err]), CAST.pctVhxh, NOW).map((e) => e.type)).not.toContain('sign');
    expect(decide(withFindings(r, 1, [warn(true)]), CAST.pctVhxh, { type: 'sign' }, NOW).ok).toBe(true);
  });

  it('submitting a part is refused while its figures hold an error or an unexplained warning; another part is not concerned', () => {
    let r = send(newReport(POLICY_VHXH_PCT), CAST.compiler, { type: 'open_collection' });
    const s = r.sections[0];
    const drafter = Object.values(CAST).find((a) => a.kind !== 'system' && a.roles.includes('drafter') && a.unit === s.unit);
    if (!drafter) throw new Error('fixture: no drafter for the first section');
    r = send(r, drafter, { type: 'start_drafting', sectionId: s.id });
    const d = decide(withFindings(r, 0, [err]), drafter, { type: 'submit_section', sectionId: s.id }, NOW);
    expect(refusal(d)?.reason).toBe(
      'Chưa nộp được phần II.5 Cải cách tài chính công: số liệu có 1 lỗi và 0 cảnh báo chưa giải trình: 1.3: Tỷ lệ ghi 96,5 nhưng 950/1.000 = 95,00 %.',
    );
    expect(refusal(decide(withFindings(r, 0, [warn(false)]), drafter, { type: 'submit_section', sectionId: s.id }, NOW))?.code).toBe(
      'invalid',
    );
    expect(decide(withFindings(r, 0, [warn(true)]), drafter, { type: 'submit_section', sectionId: s.id }, NOW).ok).toBe(true);
    expect(decide(withFindings(r, 1, [err]), drafter, { type: 'submit_section', sectionId: s.id }, NOW).ok).toBe(true);
  });
});
