import { checkGroup } from './check';
import { parseFigure } from './values';
import type { GroupValues, IndicatorGroup } from './types';

const ONE = [{ key: 'ky', label: 'Kỳ báo cáo' }];
const vals = (o: Record<string, string>): GroupValues => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [parseFigure(v)]]));

/** Budget collection against its estimate: the collected amount (part) may exceed the estimate (total). */
const budget = (allowAbove100: boolean): IndicatorGroup => ({
  code: 'TC',
  title: 'Tài chính công',
  part: '',
  unit: 'KT',
  indicators: [
    { code: '1', name: 'Tỷ lệ thu ngân sách so với dự toán', kind: { type: 'percent', allowAbove100 } },
    { code: '1.1', name: 'Dự toán thu ngân sách', kind: { type: 'money', unit: 'triệu đồng' } },
    { code: '1.2', name: 'Thu ngân sách thực hiện', kind: { type: 'money', unit: 'triệu đồng' } },
  ],
  rules: [{ type: 'rate', rate: '1', part: '1.2', total: '1.1' }],
});
const run = (allow: boolean, o: Record<string, string>) => checkGroup(budget(allow), vals(o), { periods: ONE }).map((f) => f.rule);

describe('rates above 100 %', () => {
  it('a part above its total is no finding when the rate may pass 100 % and agrees', () => {
    expect(run(true, { '1': '102,8%', '1.1': '1.200', '1.2': '1.234' })).toEqual([]);
    expect(run(true, { '1': '101%', '1.1': '1.200', '1.2': '1.212' })).toEqual([]);
    expect(run(true, { '1.1': '1.200', '1.2': '1.234' })).toEqual([]); // rate blank: nothing contradicts
  });
  it('a stated rate its parts contradict is the finding (not part > total)', () => {
    expect(run(true, { '1': '101%', '1.1': '1.200', '1.2': '1.234' })).toEqual(['rate']);
    expect(run(true, { '1': '98%', '1.1': '1.200', '1.2': '1.234' })).toEqual(['rate']);
  });
  it('a rate that may not pass 100 %: a stated 102,8 % that its parts bear out is out of range, not part > total', () => {
    expect(run(false, { '1': '102,8%', '1.1': '1.200', '1.2': '1.234' })).toEqual(['percent-range']);
    expect(run(false, { '1': '98%', '1.1': '1.200', '1.2': '1.234' })).toEqual(['part-of']);
    expect(run(false, { '1.1': '1.200', '1.2': '1.234' })).toEqual(['part-of']);
  });
});
