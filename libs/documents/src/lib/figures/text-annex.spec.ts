import { checkReportText } from './check-report';

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
});
