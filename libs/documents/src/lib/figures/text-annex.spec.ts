import * as fs from 'node:fs';
import { checkReportText } from './check-report';
import { seedFile } from '../../testing/seeds';

/** Issue 11 §5: a figure in the text that contradicts the same indicator in the annex. */
describe('text against annex', () => {
  const report = (y2024: string) =>
    [
      'BÁO CÁO',
      '1. Chính quyền số',
      `+ Năm 2023: Tỷ lệ hồ sơ trực tuyến toàn trình: có 03 hồ sơ trực tuyến toàn trình/05 hồ sơ toàn trình, đạt tỷ lệ 60%.`,
      `+ Năm 2024: Tỷ lệ hồ sơ trực tuyến toàn trình: có ${y2024} hồ sơ trực tuyến toàn trình/120 hồ sơ toàn trình, đạt tỷ lệ 98%.`,
      'Nơi nhận:',
      '- Lưu: VT.',
      'Phụ lục VIII',
      'THỐNG KÊ CÁC CHỈ TIÊU CHÍNH QUYỀN SỐ',
      '(Kèm theo Báo cáo số /BC-UBND ngày /4/2025 của UBND Phường 2)',
      'STT Chỉ tiêu Năm 2023 Năm 2024',
      '1. Tỷ lệ hồ sơ trực tuyến toàn trình',
      '1.1 Tổng số hồ sơ của DVCTT toàn trình 5 120',
      '1.2 Số hồ sơ nộp trực tuyến của các DVCTT toàn trình 3 119',
    ].join('\n');
  const ofRule = (text: string) => checkReportText(text).findings.filter((f) => f.rule === 'text-vs-annex');

  it('stays silent when the text and the annex agree, year by year', () => {
    const r = checkReportText(report('119'));
    expect(r.annexes[0]?.periods).toEqual(['Năm 2023', 'Năm 2024']);
    expect(ofRule(report('119'))).toEqual([]);
  });

  it('speaks on the text line when they disagree, naming both figures and the annex row', () => {
    expect(ofRule(report('118'))).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'error',
        message: 'Năm 2024: văn bản ghi tỷ lệ hồ sơ trực tuyến toàn trình 118/120, phụ lục 1 ghi 119/120 (dòng 12)',
      }),
    ]);
  });

  it('names the annex row by its words, not its exact name, and stays silent where they agree (seed 003, 2025)', () => {
    const r = checkReportText(fs.readFileSync(seedFile('003'), 'utf8'));
    const ofSeed = r.findings.filter((f) => f.rule === 'text-vs-annex');
    expect(ofSeed.map((f) => f.line)).toEqual([827, 837, 845]);
    // 2025: "Tỷ lệ DVC trực tuyến có phát sinh hồ sơ trực tuyến: có 21 …/21 …" = Phụ lục VIII 6.2 (21/21).
    expect(ofSeed.some((f) => f.line === 847)).toBe(false);
    // "Tỷ lệ hồ sơ DVCTT: có 1498 …/2148" could name 6.3 or 6.4: it names none (no guessing).
    expect(ofSeed.some((f) => f.line === 831)).toBe(false);
  });
});

/** The phrasings real reports use for a figure that names an annex indicator, driven by the catalogue's names and units. */
describe('text against annex: counts, parts of totals and rates named in the text', () => {
  const report = (lines: string[]) =>
    [
      'BÁO CÁO',
      '2. Cải cách thủ tục hành chính',
      ...lines,
      'Nơi nhận:',
      '- Lưu: VT.',
      'Phụ lục III',
      'THỐNG KÊ CÁC CHỈ TIÊU CỦA LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
      '(Kèm theo Báo cáo số /BC-UBND ngày /4/2025 của UBND Phường 2)',
      'STT Chỉ tiêu Năm 2023 Năm 2024',
      '1 Thống kê TTHC',
      '1.1 Số TTHC đã được phê duyệt phương án đơn giản hóa 0 0',
      '2 Số lượng TTHC được công khai đầy đủ, đúng quy định trên Cổng/Trang TTĐT 134 135',
      '3 Thực hiện cơ chế một cửa, một cửa liên thông',
      '4 Kết quả giải quyết hồ sơ TTHC',
      '5 Tiếp nhận và xử lý PAKN về TTHC',
      '5.1 Số lượng PAKN đã tiếp nhận trong năm 6 12',
      '5.2 Số lượng PAKN đã giải quyết trong năm 6 11',
      '6 Số hóa hồ sơ',
      '6.1 Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa 10% 20%',
      '6.2 Tỷ lệ hồ sơ cấp kết quả điện tử 99,58% 99,66%',
    ].join('\n');
  const ofRule = (lines: string[]) => checkReportText(report(lines)).findings.filter((f) => f.rule === 'text-vs-annex');
  const agreeing = [
    '+ Năm 2023: tiếp nhận 06 PAKN, đã giải quyết 06 PAKN; công khai 134/134 thủ tục.',
    '+ Năm 2024: tiếp nhận 12 PAKN, đã giải quyết 11 PAKN; tỷ lệ hồ sơ cấp kết quả điện tử đạt 99,66%.',
  ];

  it('stays silent when every figure agrees with its row in its year (rounding of a rate accepted)', () => {
    expect(ofRule(agreeing)).toEqual([]);
    expect(ofRule(['+ Năm 2024: Tỷ lệ hồ sơ cấp kết quả điện tử đạt 99,7%.'])).toEqual([]);
  });

  it('speaks on the line of a count that differs from the row it names', () => {
    const found = ofRule(['+ Năm 2023: tiếp nhận 06 PAKN.', '+ Năm 2024: tiếp nhận 12 PAKN, đã giải quyết 12 PAKN.']);
    expect(found).toEqual([
      expect.objectContaining({
        line: 4,
        message: 'Năm 2024: văn bản ghi đã giải quyết 12 PAKN, phụ lục 5.2 (Số lượng PAKN đã giải quyết trong năm) ghi 11 (dòng 18)',
      }),
    ]);
  });

  it('compares the part of "x/y thủ tục" with the one row whose name holds the words', () => {
    expect(ofRule(['+ Năm 2024: công khai 130/135 thủ tục.'])).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('văn bản ghi công khai 130/135 thủ tục, phụ lục 2 (') }),
    ]);
  });

  it('speaks when a stated rate differs from the annex rate of the same year', () => {
    expect(ofRule(['+ Năm 2023: Tỷ lệ hồ sơ cấp kết quả điện tử đạt 97%.'])).toEqual([
      expect.objectContaining({
        line: 3,
        message: 'Năm 2023: văn bản ghi tỷ lệ hồ sơ cấp kết quả điện tử 97 %, phụ lục 6.2 ghi 99,58% (dòng 20)',
      }),
    ]);
  });

  it('names no row when the words fit several or none, and needs the year for a multi-year annex', () => {
    expect(ofRule(['+ Năm 2024: PAKN 99 PAKN; đã xử lý 99 PAKN.'])).toEqual([]);
    expect(ofRule(['Đã tiếp nhận 99 PAKN.'])).toEqual([]);
  });
});
