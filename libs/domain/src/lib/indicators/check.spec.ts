import fc from 'fast-check';
import { checkGroup, computeRates } from './check';
import { CCHC_QUARTERLY_FIGURES } from './catalogue-cchc-quarterly';
import { CCHC_REVIEW_FIGURES } from './catalogue-review';
import { parseFigure } from './values';
import type { GroupValues, IndicatorGroup } from './types';

const ONE = [{ key: 'ky', label: 'Kỳ báo cáo' }];
const group = (code: string, cat = CCHC_QUARTERLY_FIGURES): IndicatorGroup => cat.groups.find((g) => g.code === code) as IndicatorGroup;
const vals = (o: Record<string, string>): GroupValues => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [parseFigure(v)]]));
const run = (g: string, o: Record<string, string>) => checkGroup(group(g), vals(o), { periods: ONE });

describe('rules, one kind at a time', () => {
  it('received = resolved + pending: seed 000 speaks with the figures and the difference', () => {
    const f = run('TTHC', { '4': '2.182', '5': '2.143', '6': '26' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'flow', severity: 'error', codes: ['4', '5', '6'] });
    expect(f[0].message).toBe('Đã giải quyết 2.143 + đang giải quyết 26 = 2.169, khác tổng tiếp nhận 2.182 (lệch 13)');
    expect(run('TTHC', { '4': '2.169', '5': '2.143', '6': '26' })).toEqual([]);
  });
  it('carried-over files inside the received total are not added twice', () => {
    expect(run('TTHC', { '4': '4.389', '4.1': '3.934', '4.2': '452', '4.3': '03', '5': '4.385', '6': '04' })).toEqual([]);
  });
  it('a stated rate must be part/total × 100, rounded or truncated', () => {
    expect(run('TTHC', { '5': '2.143', '5.1': '2.139', '5.2': '04', '5.3': '99,81%' })).toEqual([]);
    expect(run('TTHC', { '5': '4.385', '5.1': '534', '5.2': '3.851', '5.3': '12,17%' })).toEqual([]); // 12,178 truncated
    const f = run('TTHC', { '5': '575', '5.1': '395', '5.2': '180', '5.3': '69,21%' });
    expect(f.map((x) => x.rule)).toEqual(['rate']);
    expect(f[0].message).toContain('395/575 = 68,70 %');
  });
  it('parent = sum of its "Trong đó" children', () => {
    expect(run('TTHC', { '1': '383', '1.1': '380', '1.2': '03' })).toEqual([]);
    const f = run('TTHC', { '1': '383', '1.1': '380', '1.2': '13' });
    expect(f[0]).toMatchObject({ rule: 'sum', severity: 'error' });
    expect(f[0].message).toBe('TTHC cấp xã 380 + TTHC liên thông 13 = 393, lớn hơn tổng số TTHC 383 (lệch 10)');
  });
  it('a blank child is not reported, never zero: only "parent ≥ reported children" holds', () => {
    expect(run('TTHC', { '1': '383', '1.1': '380' })).toEqual([]);
    expect(run('TTHC', { '1': '383', '1.1': '390' })[0].rule).toBe('parent-child');
  });
  it('part ≤ total', () => {
    expect(run('TCBM', { '2.1': '45', '2.2': '44' })).toEqual([]);
    expect(run('TCBM', { '2.1': '45', '2.2': '46' })[0]).toMatchObject({
      rule: 'part-of',
      message: 'Công chức có mặt 46 lớn hơn biên chế được giao 45 (lệch 1)',
    });
  });
  it('counts are whole and non-negative; a count row does not hold a percentage', () => {
    expect(run('TCBM', { '1': '12,5' })[0].rule).toBe('whole-count');
    expect(run('TCBM', { '1': '-1' })[0].rule).toBe('negative');
    expect(run('TCBM', { '1': '100%' })[0].rule).toBe('count-holds-percent');
  });
  it('percentages stay within 0–100 unless allowed (budget collection at 101 % is real)', () => {
    expect(run('CQS', { '1': '101%' })[0].rule).toBe('percent-range');
    expect(run('TCC', { '2': '101,5%' })).toEqual([]);
    expect(run('CQS', { '1': '383' })[0].rule).toBe('percent-holds-count');
  });
  it('a coded answer is one of its codes; Đạt / Không đạt is one of two', () => {
    expect(run('CDDH', { '4': '1' })).toEqual([]);
    expect(run('CDDH', { '4': '2' })[0].message).toContain('Không tổ chức = 0; Có tổ chức = 1');
    const pl9 = group('PL9', CCHC_REVIEW_FIGURES);
    expect(checkGroup(pl9, vals({ '1': 'Đạt', '2': 'Chưa đạt' }), { periods: ONE })).toEqual([]);
    expect(checkGroup(pl9, vals({ '1': 'Có' }), { periods: ONE })[0].rule).toBe('pass-value');
  });
  it('multi-year: one finding per year, named by its column; rates computed where parts are indicators', () => {
    const g = group('PL1', CCHC_REVIEW_FIGURES);
    const years = CCHC_REVIEW_FIGURES.periods;
    const v: GroupValues = {
      '9.1': ['11', '6', '4', '17', '9'].map(parseFigure),
      '9.2': ['11', '2', '3', '15', '8'].map(parseFigure),
      '9.3': ['0', '4', '3', '2', '1'].map(parseFigure),
    };
    const f = checkGroup(g, v, { periods: years, locate: (_g, code, p) => 100 + p });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ period: 'Năm 2023', line: 102 });
    expect(f[0].message).toMatch(/^Năm 2023: /u);
    const rates = computeRates(g, { '2.1': [parseFigure('42')], '2.2': [parseFigure('19')] }, 1);
    expect(rates['2'][0]).toBeCloseTo(45.238, 2);
  });
});

describe('properties', () => {
  const flowGroup = group('TTHC');
  it('random consistent figures never yield a finding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        (onTime, late, pending, online) => {
          const resolved = onTime + late;
          const received = resolved + pending;
          const rateOk = resolved ? ((onTime / resolved) * 100).toFixed(2).replace('.', ',') + '%' : '';
          const f = checkGroup(
            flowGroup,
            vals({
              '4': String(received),
              '5': String(resolved),
              '5.1': String(onTime),
              '5.2': String(late),
              '5.3': rateOk,
              '6': String(pending),
              '7': String(Math.min(online, resolved)),
            }),
            { periods: ONE },
          );
          expect(f).toEqual([]);
        },
      ),
    );
  });
  it('any single perturbed figure does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.constantFrom('4', '5', '5.1', '5.2', '6'),
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        (onTime, late, pending, target, delta, up) => {
          const o: Record<string, number> = { '4': onTime + late + pending, '5': onTime + late, '5.1': onTime, '5.2': late, '6': pending };
          o[target] = Math.max(0, o[target] + (up ? delta : -delta));
          if (
            o[target] ===
            ({ '4': onTime + late + pending, '5': onTime + late, '5.1': onTime, '5.2': late, '6': pending } as Record<string, number>)[
              target
            ]
          )
            return;
          const f = checkGroup(flowGroup, vals(Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]))), { periods: ONE });
          expect(f.length).toBeGreaterThan(0);
          expect(f.every((x) => x.codes.includes(target))).toBe(true);
        },
      ),
    );
  });
  it('a stated rate off by more than one unit of its last digit is caught, within it is accepted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 2, max: 500 }),
        (a, b, off) => {
          const [part, total] = a <= b ? [a, b] : [b, a];
          const exact = (part / total) * 100;
          const ok = (Math.round(exact * 100) / 100).toFixed(2).replace('.', ',') + '%';
          const trunc = (Math.floor(exact * 100) / 100).toFixed(2).replace('.', ',') + '%';
          const bad =
            Math.max(0, exact - off / 100 - 0.02)
              .toFixed(2)
              .replace('.', ',') + '%';
          const g = group('CQS');
          const at = (r: string) => checkGroup(g, vals({ '4': String(total), '4.1': String(part), '4.2': r }), { periods: ONE });
          expect(at(ok)).toEqual([]);
          expect(at(trunc)).toEqual([]);
          if (exact - off / 100 - 0.02 > 0) expect(at(bad).map((x) => x.rule)).toEqual(['rate']);
        },
      ),
    );
  });
});

describe('values', () => {
  it.each([
    ['2.139', 2139, false],
    ['2,5', 2.5, false],
    ['1542', 1542, false],
    ['99,58%', 99.58, true],
    ['1.198.020.000đ', 1198020000, false],
    ['>99%', 99, true],
    ['04', 4, false],
  ])('%s', (raw, value, percentSign) => {
    const v = parseFigure(raw);
    expect(v).toMatchObject({ kind: 'number', value, percent: percentSign });
  });
  it('x, Đạt, blank and text', () => {
    expect(parseFigure('x').kind).toBe('done');
    expect(parseFigure('Không đạt')).toMatchObject({ kind: 'pass', passed: false });
    expect(parseFigure('   ').kind).toBe('blank');
    expect(parseFigure('Rất hài lòng').kind).toBe('text');
    expect(parseFigure('>99%')).toMatchObject({ bound: '>' });
    expect(parseFigure('1.198.020.000đ')).toMatchObject({ unit: 'đồng' });
  });
  it('every catalogue group maps to a part of the CCHC template', () => {
    const parts = ['opening', 'I', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'III', 'IV', 'V'];
    for (const cat of [CCHC_QUARTERLY_FIGURES, CCHC_REVIEW_FIGURES]) for (const g of cat.groups) expect(parts).toContain(g.part);
  });
});
