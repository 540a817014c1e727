import fc from 'fast-check';
import { aggregateFigures, aggregatedPartFigures } from './aggregate';
import type { AggregateSource } from './aggregate-types';
import { CCHC_QUARTERLY_FIGURES as Q } from './catalogue-cchc-quarterly';
import { CCHC_REVIEW_FIGURES as R } from './catalogue-review';
import { checkPartFigures } from './part-figures';
import { fmt, parseFigure } from './values';

const src = (id: string, figures: Record<string, Record<string, (string | null)[]>>): AggregateSource => ({
  organisationId: id,
  organisationName: `Xã ${id}`,
  figures: Object.fromEntries(Object.entries(figures).map(([g, values]) => [g, { values }])),
});
const fig = (agg: ReturnType<typeof aggregateFigures>, group: string, code: string, period = 0) => {
  const f = agg.groups.find((g) => g.code === group)?.indicators.find((i) => i.code === code)?.periods[period];
  if (!f) throw new Error(`no ${group} ${code}`);
  return f;
};

describe('aggregateFigures', () => {
  const a = src('A', {
    TTHC: { '1': ['383'], '3': ['100'], '5': ['2.143'], '5.1': ['2.139'], '5.2': ['4'], '5.3': ['99,81'] },
    CDDH: { '4': ['1'], '6': ['1.500,5'] },
    CQS: { '1': ['90'] },
  });
  const b = src('B', {
    TTHC: { '1': ['100'], '3': ['50'], '5': ['575'], '5.1': ['395'], '5.2': ['180'], '5.3': ['68,70'] },
    CDDH: { '4': ['0'], '6': [null] },
    CQS: { '1': ['50'] },
  });
  const c = src('C', { TTHC: { '1': [null] }, CDDH: { '4': ['1'] } });
  const agg = aggregateFigures(Q, [a, b, c]);

  it('sums counts and money; blank is not reported, and the communes behind each figure are listed', () => {
    expect(fig(agg, 'TTHC', '5')).toMatchObject({ method: 'sum', value: 2718, text: '2.718', reported: 2 });
    expect(fig(agg, 'TTHC', '1')).toMatchObject({ value: 483, reported: 2 });
    expect(fig(agg, 'TTHC', '1').sources).toEqual([
      { organisationId: 'A', organisationName: 'Xã A', value: '383' },
      { organisationId: 'B', organisationName: 'Xã B', value: '100' },
    ]);
    expect(fig(agg, 'CDDH', '6')).toMatchObject({ value: 1500.5, text: '1.500,5', reported: 1 });
    expect(fig(agg, 'TTHC', '9')).toMatchObject({ value: null, text: '', reported: 0, sources: [] });
    expect(agg.sources).toBe(3);
  });

  it('recomputes a rate from the summed part and total, never an average of the percentages', () => {
    const r = fig(agg, 'TTHC', '5.3');
    expect(r.method).toBe('rate');
    expect(r.rate).toEqual({ part: '5.1', total: '5', partSum: 2534, totalSum: 2718 });
    expect(r.value).toBeCloseTo((2534 / 2718) * 100, 10);
    expect(r.text).toBe('93,23');
    // Behind it: the communes that reported both part and total, each with its own rate.
    expect(r.reported).toBe(2);
    expect(r.sources.map((s) => s.value)).toEqual(['99,81', '68,70']);
    expect((99.81 + 68.7) / 2).not.toBeCloseTo(r.value as number, 1);
  });

  it('weights a typed percentage by its total where the catalogue names it; otherwise says it is not aggregated', () => {
    const w = fig(agg, 'TTHC', '3');
    expect(w.method).toBe('weighted');
    expect(w.value).toBeCloseTo((100 * 383 + 50 * 100) / 483, 10);
    expect(w.note).toContain('Bình quân gia quyền theo chỉ tiêu 1');
    const n = fig(agg, 'CQS', '1');
    expect(n).toMatchObject({ method: 'none', value: null, reported: 2 });
    expect(n.note).toMatch(/^Không tổng hợp/);
    expect(n.sources.map((s) => s.value)).toEqual(['90', '50']);
  });

  it('counts coded answers per value and Đạt / Không đạt; free text only counts who answered', () => {
    const k = fig(agg, 'CDDH', '4');
    expect(k.counts).toEqual([
      { value: 0, label: 'Không tổ chức', count: 1 },
      { value: 1, label: 'Có tổ chức', count: 2 },
    ]);
    expect(k.text).toBe('Không tổ chức: 1; Có tổ chức: 2');
    expect(k.sources.map((s) => s.value)).toEqual(['Có tổ chức', 'Không tổ chức', 'Có tổ chức']);
    const years = (v: string | null) => [v, v, v, v, v];
    const r = aggregateFigures(R, [
      src('A', { PL9: { '1': years('Đạt') }, PL1: { '4.5': years('Họp báo') } }),
      src('B', { PL9: { '1': ['Không đạt', 'Đạt', null, null, null] }, PL1: { '4.5': years(null) } }),
    ]);
    expect(fig(r, 'PL9', '1', 0).counts).toEqual([
      { value: true, label: 'Đạt', count: 1 },
      { value: false, label: 'Không đạt', count: 1 },
    ]);
    expect(fig(r, 'PL9', '1', 4)).toMatchObject({ reported: 1, text: 'Đạt: 1; Không đạt: 0' });
    expect(fig(r, 'PL1', '4.5', 0)).toMatchObject({ method: 'answers', value: null, text: '1 xã trả lời', reported: 1 });
    expect(fig(r, 'PL1', '4.5', 0).sources).toEqual([{ organisationId: 'A', organisationName: 'Xã A', value: 'Họp báo' }]);
    expect(fig(r, 'PL1', '3', 0).value).toBeNull(); // a heading row
  });

  it('gives the compiled report its figures: sums and weighted rates typed, rule rates computed, answers left blank', () => {
    const f = aggregatedPartFigures(agg, 'TTHC');
    expect(f?.values['5']).toEqual(['2.718']);
    expect(f?.values['5.3']).toEqual([null]);
    expect(f?.values['3']).toEqual([fmt((100 * 383 + 50 * 100) / 483, 2)]);
    expect(aggregatedPartFigures(agg, 'CDDH')?.values['4']).toEqual([null]);
  });

  it('property: the aggregated total is the sum of the communes, the rate is summed part / summed total, consistent parts stay consistent', () => {
    const commune = fc.record({
      solved: fc.integer({ min: 0, max: 20_000 }),
      late: fc.integer({ min: 0, max: 2_000 }),
      blank: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(commune, { minLength: 1, maxLength: 30 }), (cs) => {
        const sources = cs.map((x, i) =>
          src(String(i), {
            TTHC: x.blank ? {} : { '5': [fmt(x.solved + x.late)], '5.1': [fmt(x.solved)], '5.2': [fmt(x.late)], '5.3': [null] },
          }),
        );
        const g = aggregateFigures(Q, sources);
        const given = cs.filter((x) => !x.blank);
        const total = given.reduce((s, x) => s + x.solved + x.late, 0);
        const part = given.reduce((s, x) => s + x.solved, 0);
        const t = fig(g, 'TTHC', '5');
        expect(t.reported).toBe(given.length);
        expect(t.value).toBe(given.length ? total : null);
        expect(t.sources.reduce((s, x) => s + (parseFigure(x.value) as { value: number }).value, 0)).toBe(given.length ? total : 0);
        expect((fig(g, 'TTHC', '5.1').value ?? 0) + (fig(g, 'TTHC', '5.2').value ?? 0)).toBe(given.length ? total : 0);
        const r = fig(g, 'TTHC', '5.3');
        if (total > 0) expect(r.value).toBeCloseTo((part / total) * 100, 9);
        else expect(r.value).toBeNull();
        // The aggregate of consistent reports is consistent: the compiled part passes the checker.
        const compiled = aggregatedPartFigures(g, 'TTHC');
        expect(checkPartFigures(Q, 'II.2', compiled).filter((f) => f.severity === 'error')).toEqual([]);
      }),
    );
  });
});
