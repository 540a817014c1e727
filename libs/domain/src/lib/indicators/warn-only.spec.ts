import { CCHC_QUARTERLY_FIGURES } from './catalogue-cchc-quarterly';
import { checkPartFigures, findingKey, unexplained } from './part-figures';

/** A catalogue rule that warns: staff present above the assigned quota (dôi dư after the 2025 reorganisation). */
describe('warning-only rule (TCBM 2.2 ≤ 2.1)', () => {
  const figures = (extra = {}) => ({ values: { '2.1': ['45'], '2.2': ['46'] }, ...extra });
  it('is a warning, unanswered until explained under its key', () => {
    const f = checkPartFigures(CCHC_QUARTERLY_FIGURES, 'II.3', figures());
    expect(f.map((x) => [x.severity, x.rule, x.message])).toEqual([
      ['warning', 'part-of', 'Công chức có mặt 46 lớn hơn biên chế được giao 45 (lệch 1)'],
    ]);
    expect(unexplained(f, figures())).toHaveLength(1);
    expect(unexplained(f, figures({ explanations: { [findingKey(f[0])]: 'Dôi dư sau sắp xếp, bố trí trong 5 năm.' } }))).toEqual([]);
  });
  it('the sister rule (người làm việc) stays an error', () => {
    const f = checkPartFigures(CCHC_QUARTERLY_FIGURES, 'II.3', { values: { '3.1': ['10'], '3.2': ['11'] } });
    expect(f.map((x) => x.severity)).toEqual(['error']);
  });
});
