import { CCHC_QUARTERLY_FIGURES, CCHC_REVIEW_FIGURES, findingKey, groupForPart, type PartFigures } from '@trinhky/domain';
import { cellProblem, displayValue, figureRows, figuresState, formatTyped, normaliseFigures, submitBlock } from './figures-model';

const cat = CCHC_QUARTERLY_FIGURES;
function need<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('missing in the catalogue');
  return x;
}
const tthc = need(groupForPart(cat, 'II.2'));
const tc = need(groupForPart(cat, 'II.1'));

function typed(values: Record<string, string>, explanations?: Record<string, string>): PartFigures {
  const f = normaliseFigures(tthc, 1, null);
  for (const [k, v] of Object.entries(values)) f.values[k] = [v];
  return explanations ? { ...f, explanations } : f;
}

describe('figures form model', () => {
  it('formats typed numbers the Vietnamese way on leaving a field, and keeps what is not a number as typed', () => {
    expect(formatTyped('2139')).toBe('2.139');
    expect(formatTyped('2.139')).toBe('2.139');
    expect(formatTyped('1198020000')).toBe('1.198.020.000');
    expect(formatTyped('99,81')).toBe('99,81');
    expect(formatTyped(' 62,5 ')).toBe('62,5');
    expect(formatTyped('2.5')).toBe('2.5');
    expect(formatTyped('>99%')).toBe('>99%');
  });

  it('says when a number field holds text, in Vietnamese', () => {
    const row = need(figureRows(tthc).find((r) => r.ind.code === '4'));
    expect(cellProblem(row, '2.5')).toContain('không phải là số');
    expect(cellProblem(row, 'hai nghìn')).toContain('không phải là số');
    expect(cellProblem(row, '2.139')).toBeNull();
    expect(cellProblem(row, '')).toBeNull();
  });

  it('lists children under their parent, marks the first "Trong đó" sub-row and makes rates with both parts computed', () => {
    const rows = figureRows(tthc);
    const r41 = need(rows.find((r) => r.ind.code === '4.1'));
    const r42 = need(rows.find((r) => r.ind.code === '4.2'));
    expect(r41.depth).toBe(1);
    expect(r41.firstPart).toBe(true);
    expect(r42.firstPart).toBe(false);
    expect(need(rows.find((r) => r.ind.code === '5.3')).input).toBe('computed');
    expect(need(rows.find((r) => r.ind.code === '3')).input).toBe('number');
    expect(need(rows.find((r) => r.ind.code === '4')).unit).toBe('Hồ sơ');
    const cd = figureRows(need(groupForPart(cat, 'I')));
    expect(need(cd.find((r) => r.ind.code === '2')).input).toBe('none');
    expect(need(cd.find((r) => r.ind.code === '4')).input).toBe('coded');
  });

  it('fills computed rates from their parts and finds the received ≠ resolved + pending inconsistency of seed 000', () => {
    const s = figuresState(cat, 'II.2', tthc, typed({ '4': '2.182', '5': '2.143', '5.1': '2.139', '5.2': '4', '6': '26' }));
    expect(s.figures.values['5.3']).toEqual(['99,81']);
    const flow = need(s.findings.find((f) => f.rule === 'flow'));
    expect(flow.message).toContain('2.169');
    expect(flow.message).toContain('lệch 13');
    expect(submitBlock(s)).toBe('Chưa nộp được: 1 lỗi số liệu cần sửa.');
    const fixed = figuresState(cat, 'II.2', tthc, typed({ '4': '2.169', '5': '2.143', '5.1': '2.139', '5.2': '4', '6': '26' }));
    expect(fixed.findings).toEqual([]);
    expect(submitBlock(fixed)).toBeNull();
  });

  it('blocks submitting while a cell is not a number, and reports it as a problem the API would refuse', () => {
    const s = figuresState(cat, 'II.2', tthc, typed({ '4': '2.5' }));
    expect(Object.keys(s.cells)).toEqual(['4@0']);
    expect(s.problems.join(' ')).toContain('không phải là số');
    expect(submitBlock(s)).toContain('không phải là số');
  });

  it('a warning needs its explanation; the explanation of a warning that is gone is not kept', () => {
    const warnGroup = {
      ...tc,
      rules: [{ type: 'sum' as const, total: '1', parts: ['1.1', '1.2'], mode: 'exact' as const, warnOnly: true }],
    };
    const base = normaliseFigures(warnGroup, 1, null);
    base.values['1'] = ['3'];
    base.values['1.1'] = ['1'];
    base.values['1.2'] = ['1'];
    const s = figuresState(cat, 'II.1', warnGroup, base);
    expect(s.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(submitBlock(s)).toBe('Chưa nộp được: 1 cảnh báo cần giải trình.');
    const key = findingKey(s.findings[0]);
    const explained = figuresState(cat, 'II.1', warnGroup, { ...base, explanations: { [key]: 'Một văn bản liên tịch.' } });
    expect(submitBlock(explained)).toBeNull();
    expect(explained.figures.explanations).toEqual({ [key]: 'Một văn bản liên tịch.' });
    const gone = figuresState(cat, 'II.1', warnGroup, {
      values: { ...base.values, '1': ['2'] },
      explanations: { [key]: 'Một văn bản liên tịch.' },
    });
    expect(gone.figures.explanations).toBeUndefined();
  });

  it('shows coded answers by their label and percentages with their sign in read-only mode', () => {
    const rows = figureRows(need(groupForPart(cat, 'I')));
    expect(displayValue(need(rows.find((r) => r.ind.code === '4')), '1')).toBe('Có tổ chức');
    expect(displayValue(need(rows.find((r) => r.ind.code === '2.3')), '95,5')).toBe('95,5 %');
    expect(displayValue(need(rows.find((r) => r.ind.code === '1')), null)).toBe('—');
  });

  it('keeps one value per year for the multi-year review', () => {
    const g = CCHC_REVIEW_FIGURES.groups[0];
    const f = normaliseFigures(g, CCHC_REVIEW_FIGURES.periods.length, { values: { [g.indicators[0].code]: ['1'] } });
    expect(f.values[g.indicators[0].code]).toHaveLength(CCHC_REVIEW_FIGURES.periods.length);
    expect(f.values[g.indicators[0].code][0]).toBe('1');
  });
});
