import { checkReportText } from './check-report';

const check = (text: string) => checkReportText(text).findings;
const rules = (text: string) => check(text).map((f) => [f.line, f.rule]);
const flows = (text: string) => checkReportText(text).statements.filter((s) => s.rule === 'flow');

/**
 * Received = resolved + pending (+ carried over), in the wordings communes use. Each case is a
 * consistent passage (silent, and the checker did evaluate it), then the same passage with one
 * figure changed (a finding on that passage's line).
 */
const CASES: { name: string; text: string; from: string; to: string; line: number; rule?: string }[] = [
  {
    name: 'tiếp nhận mới trong kỳ / đã giải quyết xong / còn tồn',
    text: 'Kết quả:\n- Số hồ sơ tiếp nhận mới trong kỳ: 120 hồ sơ.\n- Đã giải quyết xong: 110 hồ sơ.\n- Còn tồn 10 hồ sơ.',
    from: '110 hồ sơ',
    to: '112 hồ sơ',
    line: 2,
  },
  {
    name: 'kỳ trước chuyển sang before the received total',
    text: '- Số hồ sơ kỳ trước chuyển sang: 5 hồ sơ; tiếp nhận mới: 95 hồ sơ; đã giải quyết: 90 hồ sơ; đang giải quyết: 10 hồ sơ.',
    from: 'đang giải quyết: 10',
    to: 'đang giải quyết: 12',
    line: 1,
  },
  {
    name: 'tồn kỳ trước: N after the received total',
    text: '+ Tổng số hồ sơ tiếp nhận trong quý III: 300 hồ sơ, tồn kỳ trước: 20 hồ sơ.\n+ Số hồ sơ đã giải quyết: 310 hồ sơ.\n+ Số hồ sơ chưa giải quyết: 10 hồ sơ.',
    from: 'chưa giải quyết: 10',
    to: 'chưa giải quyết: 15',
    line: 1,
  },
  {
    name: 'N hồ sơ đang giải quyết, tồn chuyển kỳ sau',
    text: '- Trong tháng 9 tiếp nhận 64 hồ sơ, đã giải quyết 60 hồ sơ, 4 hồ sơ đang giải quyết.\n- Tháng 10 tiếp nhận 70 hồ sơ, đã giải quyết 68 hồ sơ; tồn chuyển kỳ sau: 2 hồ sơ.',
    from: 'tồn chuyển kỳ sau: 2',
    to: 'tồn chuyển kỳ sau: 3',
    line: 2,
  },
  {
    name: 'trong đó trước hạn / đúng hạn with their rates (over resolved)',
    text: '+ Tổng số hồ sơ đã tiếp nhận: 500 hồ sơ. Tổng số hồ sơ đã giải quyết: 480 hồ sơ, trong đó: trước hạn: 400 hồ sơ đạt tỷ lệ 83,33%; đúng hạn: 80 hồ sơ đạt tỷ lệ 16,67%; đang giải quyết trong hạn: 20 hồ sơ.',
    from: '83,33%',
    to: '88,33%',
    line: 1,
    rule: 'rate',
  },
  {
    name: 'số hồ sơ giải quyết đúng hạn … đạt tỷ lệ, in its own sentence',
    text: '- Tổng số hồ sơ tiếp nhận: 1.250 hồ sơ.\n- Tổng số hồ sơ đã giải quyết: 1.200 hồ sơ. Số hồ sơ giải quyết đúng hạn và trước hạn: 1.188 hồ sơ, đạt tỷ lệ 99%.\n- Số hồ sơ đang giải quyết: 50 hồ sơ.',
    from: 'đạt tỷ lệ 99%',
    to: 'đạt tỷ lệ 97%',
    line: 2,
    rule: 'rate',
  },
  {
    name: 'an on-time rate over the files received is also accepted',
    text: '- Tổng số hồ sơ tiếp nhận: 200 hồ sơ; đã giải quyết: 180 hồ sơ; chưa giải quyết: 20 hồ sơ. Hồ sơ giải quyết trước hạn, đúng hạn: 178 hồ sơ (89%).',
    from: '(89%)',
    to: '(79%)',
    line: 1,
    rule: 'rate',
  },
];

describe('received = resolved + pending: the wordings communes use', () => {
  it.each(CASES)('$name: consistent → silent, and evaluated', ({ text }) => {
    expect(rules(text)).toEqual([]);
    expect(flows(text).length).toBeGreaterThan(0);
  });

  it.each(CASES)('$name: one figure changed → a finding on its line', ({ text, from, to, line, rule }) => {
    expect(text).toContain(from);
    expect(rules(text.replace(from, to))).toEqual([[line, rule ?? 'flow']]);
  });

  it('an on-time figure above the resolved total is said once', () => {
    const f = check(
      '+ Tổng số hồ sơ đã tiếp nhận: 264 hồ sơ. Tổng số hồ sơ đã giải quyết: 263 hồ sơ, trong đó: hồ sơ trả kết quả trước hạn, đúng hạn: 264 hồ sơ đạt tỷ lệ 100%.',
    );
    expect(f.map((x) => x.rule)).toEqual(['part-of']);
  });

  it('"tồn tại" (shortcomings) and dates are no files', () => {
    expect(rules('- Tiếp nhận 30 hồ sơ, đã giải quyết 30 hồ sơ. Những tồn tại 2 năm qua đã được khắc phục.')).toEqual([]);
  });
});

describe('rates above 100 %', () => {
  it('a collection above its estimate, stated as a rate or as an excess, is consistent', () => {
    expect(rules('- Thu ngân sách 1.234/1.200 triệu đồng, đạt 102,8% dự toán.')).toEqual([]);
    expect(rules('- Tổng thu ngân sách 1.250/1.200 triệu đồng, vượt 4,17% dự toán.')).toEqual([]);
    expect(rules('- Tổng số thu ngân sách: 1.200 triệu đồng.\n- Tổng số thu ngân sách thực hiện: 1.234 triệu đồng, đạt 102,83%.')).toEqual(
      [],
    );
  });
  it('in an annex: a collection rate above 100 % over its two rows is consistent; an on-time rate is not', () => {
    const annex = [
      'BÁO CÁO',
      'Nơi nhận:',
      '- Lưu: VT.',
      'Phụ lục I',
      'THỐNG KÊ TÀI CHÍNH',
      'STT Chỉ tiêu Năm 2024 Năm 2025',
      '1 Tỷ lệ thu ngân sách so với dự toán 102,83% 101%',
      '1.1 Tổng số dự toán thu ngân sách 1200 1000',
      '1.2 Số thu ngân sách thực hiện 1234 1010',
      '2 Tỷ lệ hồ sơ giải quyết đúng hạn 101% 100%',
      '2.1 Tổng số hồ sơ đã giải quyết 100 50',
      '2.2 Số hồ sơ giải quyết đúng hạn 101 50',
    ].join('\n');
    expect(rules(annex)).toEqual([[10, 'percent-range']]);
    expect(rules(annex.replace('102,83%', '98%'))).toEqual([
      [7, 'rate'],
      [10, 'percent-range'],
    ]);
  });
  it('a growth rate is not the share of the fraction beside it', () => {
    expect(rules('- Đã giải quyết 1.234/1.250 hồ sơ, tăng 5% so với cùng kỳ.')).toEqual([]);
  });
  it('a stated rate its parts contradict is a finding, above 100 % too', () => {
    expect(rules('- Thu ngân sách 1.234/1.200 triệu đồng, đạt 105,5%.')).toEqual([[1, 'rate']]);
    expect(rules('- Tổng thu ngân sách 1.250/1.200 triệu đồng, vượt 2,8% dự toán.')).toEqual([[1, 'rate']]);
    expect(rules('- Giải quyết 105/100 hồ sơ, đạt 100%.')).toEqual([[1, 'part-of']]);
  });
});
