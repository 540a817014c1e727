import * as fs from 'node:fs';
import { seedFile } from '../../testing/seeds';
import { checkReportText, type FigureCheckResult } from './check-report';

/** [rule, first line, figures as written] of a computation the checker must evaluate. */
type Stmt = [string, number, number[]];

interface SeedExpect {
  /** The inconsistencies its rules can express, each verified by hand: [line, rule, message]. */
  findings: [number, string, string][];
  /** Consistent computations, each verified by hand: evaluated, and silent. */
  consistent: Stmt[];
}

const seeds: Record<string, SeedExpect> = {
  '000': {
    findings: [[246, 'flow', 'Đã giải quyết 2.143 + đang giải quyết 26 = 2.169, khác tổng tiếp nhận 2.182 (lệch 13)']],
    consistent: [
      ['rate', 47, [99.81, 2139, 2143]],
      ['rate', 103, [100, 7, 7]],
      ['rate', 106, [99.81, 2139, 2143]],
      ['sum', 189, [383, 380, 3]],
      ['rate', 453, [85.76, 1542, 1798]],
      ['rate', 463, [100, 7, 7]],
      ['partOf', 473, [2143, 2139]],
      ['rate', 500, [85.76, 1542, 1798]],
      ['rate', 510, [100, 7, 7]],
      ['rate', 247, [99.81, 2139, 2143]],
      // (part ≤ total of 04/2.143 is held by its rate's statement.)
      ['rate', 247, [0.19, 4, 2143]],
    ],
  },
  '001': {
    findings: [[69, 'flow', 'Đã giải quyết 477 + đang giải quyết 31 = 508, khác tổng tiếp nhận 529 (lệch 21)']],
    consistent: [
      ['sum', 61, [397, 212, 155, 30]],
      ['sum', 61, [116, 52, 58, 6]],
      ['sum', 69, [529, 529, 0]],
      ['rate', 79, [100, 477, 477]],
      ['partOf', 115, [2, 2]],
      ['sum', 71, [477, 398, 79, 0]],
      ['sum', 75, [31, 31, 0]],
    ],
  },
  '003': {
    findings: [
      [788, 'rate', 'Tỷ lệ ghi 69,21% nhưng 395/575 = 68,70 % (lệch 0,51 điểm)'],
      // Footnote 10 against Phụ lục VIII 6.2 (the text names it in other words: DVCTT / DVC trực tuyến).
      [827, 'text-vs-annex', 'Năm 2023: văn bản ghi tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến 17/20, phụ lục 6.2 ghi 15/15 (dòng 3339)'],
      [
        837,
        'text-vs-annex',
        'Năm 2024: văn bản ghi tỷ lệ DVC trực tuyến có phát sinh hồ sơ trực tuyến 19/19, phụ lục 6.2 ghi 20/20 (dòng 3339)',
      ],
      [845, 'text-vs-annex', 'Năm 2025: văn bản ghi tỷ lệ hồ sơ trực tuyến toàn trình 45/45, phụ lục 6.3 ghi 21/21 (dòng 3348)'],
      [917, 'flow', 'Đã giải quyết 2.151 + đang giải quyết 8 = 2.159, khác tổng tiếp nhận 2.155 (lệch 4)'],
      [945, 'part-of', '264 lớn hơn tổng số 263 (lệch 1)'],
      [1017, 'rate', 'Tỷ lệ ghi 99,16% nhưng 1.794/1.804 = 99,45 % (lệch 0,29 điểm)'],
      [2175, 'count-holds-percent', '3.2.2 (Số vấn đề phát hiện đã được xử lý) là số lượng (Vấn đề) nhưng ghi tỷ lệ 100%'],
      [
        2493,
        'parent-child',
        '9.2 (Số nhiệm vụ đã hoàn thành đúng hạn) 3 + 9.3 (Số nhiệm vụ đã hoàn thành nhưng quá hạn) 3 = 6, lớn hơn 9.1 (Tổng số nhiệm vụ được giao) 4 (lệch 2)',
      ],
    ],
    consistent: [
      ['rate', 788, [98, 12155, 12405]],
      ['rate', 797, [19.4, 20, 103]],
      ['rate', 801, [55.52, 221, 398]],
      ['rate', 807, [32.16, 1221, 3797]],
      ['rate', 813, [8.53, 7, 82]],
      ['rate', 817, [89.64, 3932, 4386]],
      ['rate', 821, [66.12, 82, 124]],
      ['rate', 825, [60, 3, 5]],
      ['rate', 827, [85, 17, 20]],
      ['rate', 831, [69.73, 1498, 2148]],
      ['rate', 835, [99.16, 119, 120]],
      ['rate', 837, [100, 19, 19]],
      ['rate', 841, [98.28, 1775, 1806]],
      ['rate', 845, [100, 45, 45]],
      ['rate', 847, [100, 21, 21]],
      ['rate', 851, [99.63, 267, 268]],
      ['rate', 866, [31.5, 4172, 13246]],
      ['rate', 870, [68.5, 9074, 13246]],
      ['sum', 870, [13246, 4172, 9074]],
      ['rate', 876, [100, 13238, 13238]],
      ['rate', 905, [100, 4481, 4481]],
      ['sum', 897, [4481, 3039, 1442]],
      ['rate', 899, [99.4, 4452, 4478]],
      ['rate', 899, [0.6, 26, 4478]],
      ['sum', 899, [4478, 4452, 26]],
      ['sum', 907, [4389, 452, 3934, 3]],
      ['rate', 911, [99.16, 4348, 4385]],
      ['rate', 911, [0.84, 37, 4385]],
      ['sum', 911, [4385, 4348, 37]],
      ['sum', 907, [4389, 58, 3801, 527, 3]],
      ['sum', 917, [2155, 653, 1498, 4]],
      ['rate', 923, [99.72, 2145, 2151]],
      ['rate', 923, [0.28, 6, 2151]],
      ['sum', 923, [2151, 2145, 6]],
      ['sum', 917, [2155, 78, 1516, 538, 22, 1]],
      ['rate', 933, [100, 1957, 1957]],
      ['sum', 927, [1957, 71, 1368, 475, 24, 2, 17]],
      ['sum', 937, [264, 12, 118, 99, 11, 2, 16, 6]],
      ['rate', 982, [81.9, 7048, 8605]],
      ['rate', 986, [55, 4721, 8587]],
      ['rate', 1001, [71.34, 3129, 4386]],
      ['rate', 1003, [12.17, 534, 4385]],
      ['rate', 1007, [87.12, 1874, 2151]],
      ['rate', 1009, [99.58, 2142, 2151]],
      ['rate', 1017, [99.66, 1794, 1800]],
      ['rate', 1023, [95.08, 251, 264]],
      ['rate', 1025, [100, 251, 251]],
      ['rate', 1459, [100, 18, 18]],
      ['rate', 1461, [11.1, 2, 18]],
      ['rate', 1461, [88.9, 16, 18]],
      ['flow', 870, [13246, 13238]],
      ['flow', 897, [4481, 4478, 3]],
      ['flow', 907, [4389, 4385, 4, 3]],
      ['flow', 927, [1957, 1957, 4]],
      ['flow', 937, [264, 263]],
    ],
  },
};

describe.each(Object.entries(seeds))('figure checker on seed %s', (prefix, expected) => {
  let result: FigureCheckResult;
  beforeAll(() => {
    result = checkReportText(fs.readFileSync(seedFile(prefix), 'utf8'));
  });

  it('finds exactly the inconsistencies verified by hand, on their lines', () => {
    expect(result.findings.map((f) => [f.line, f.rule])).toEqual(expected.findings.map(([line, rule]) => [line, rule]));
    result.findings.forEach((f, i) => {
      expect(f.message).toContain(expected.findings[i][2]);
      expect(f.severity).toBe('error');
      expect(f.figures.length).toBeGreaterThanOrEqual(1);
    });
  });

  it.each(expected.consistent)('evaluates the consistent %s on line %d %j and stays silent', (rule, line, values) => {
    const evaluated = result.statements.filter(
      (s) => s.rule === rule && s.line === line && JSON.stringify(s.values) === JSON.stringify(values),
    );
    expect(evaluated).toHaveLength(1);
    const figureLines = new Set([line]);
    expect(
      result.findings.filter(
        (f) => f.figures.some((x) => figureLines.has(x.line ?? -1)) && f.figures.map((x) => x.value).join() === values.join(),
      ),
    ).toEqual([]);
  });
});

describe('seed 003 annexes as typed indicators', () => {
  const r = checkReportText(fs.readFileSync(seedFile('003'), 'utf8'));
  it('reads the eight tables with their periods, codes and values per year', () => {
    expect(r.annexes.map((a) => a.label)).toEqual([
      'Phụ lục I',
      'Phụ lục II',
      'Phụ lục III',
      'Phụ lục IV',
      'Phụ lục VI',
      'Phụ lục VII',
      'Phụ lục VIII',
      'Phụ lục IX',
    ]);
    const pl1 = r.annexes[0];
    expect(pl1.periods).toHaveLength(6);
    const row = pl1.rows.find((x) => x.code === '2.2');
    expect(row?.cells.map((c) => c.raw)).toEqual(['38', '44', '48', '45', '19', '42']);
    expect(row?.cells[0].line).toBe(2165);
    expect(pl1.rows.find((x) => x.code === '4.1')?.options).toEqual([
      { value: 1, label: 'Có tổ chức' },
      { value: 0, label: 'Không tổ chức' },
    ]);
    const pl3 = r.annexes[2];
    expect(pl3.rows.find((x) => x.code === '4.3')?.cells.map((c) => c.value)).toContainEqual(
      expect.objectContaining({ kind: 'number', value: 99, bound: '>' }),
    );
    const pl7 = r.annexes[5];
    expect(pl7.rows.find((x) => x.code === '1.1')?.cells[0].value).toMatchObject({ kind: 'number', value: 1198020000, unit: 'đồng' });
    expect(r.annexes[7].rows.find((x) => x.code === '8')?.cells[0].value).toMatchObject({ kind: 'pass', passed: false });
  });
  it('holds the consistent annex rows to their rules and stays silent (rates 6.1–6.5, parts ≤ totals, coded answers)', () => {
    const annexLines = r.findings.filter((f) => f.line >= 2109).map((f) => f.line);
    expect(annexLines).toEqual([2175, 2493]);
  });
});
