import { CCHC_REVIEW_FIGURES, catalogueForReport, checkPartFigures, reportPeriods } from './indicators';
import { partOutline } from './outlines';
import { CCHC_REVIEW, TEMPLATES, assembleBody, fillTemplateText, planSections, reportKinds, reportTitle } from './templates';

/** Issue 11 §2: the multi-year review template (Sơ kết / Tổng kết giai đoạn), one column per year. */
describe('the multi-year review template', () => {
  const q1 = { kind: 'quarter' as const, year: 2025, index: 1 };

  it('is offered with the quarterly report, of the same report kind (its routing policy)', () => {
    expect(Object.keys(TEMPLATES)).toEqual(['CCHC_QUY', 'CCHC_SO_KET']);
    expect(CCHC_REVIEW.kind).toBe('CCHC');
    expect(reportKinds()).toEqual([{ code: 'CCHC', name: TEMPLATES['CCHC_QUY'].name }]);
  });

  it('makes each indicator group of its catalogue a part drafted by the department that fills it', () => {
    const parts = new Map(CCHC_REVIEW.parts.map((p) => [p.code, p]));
    for (const g of CCHC_REVIEW_FIGURES.groups) {
      expect(parts.get(g.part)).toBeDefined();
      expect(parts.get(g.part)?.unit).toBe(g.unit);
    }
    expect(CCHC_REVIEW_FIGURES.groups.map((g) => g.part)).toEqual(['I', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'III']);
    expect(parts.get('II.2')?.unit).toBe('HCC');
    expect(parts.get('II.5')?.unit).toBe('KT');
  });

  it('gives every part its outline', () => {
    for (const p of CCHC_REVIEW.parts) expect(partOutline(CCHC_REVIEW.code, p.code).length).toBeGreaterThan(0);
    expect(partOutline('CCHC_SO_KET', 'II.2').join(' ')).toMatch(/từng năm/);
  });

  it('fills its subject, title and headings with the five years ending with the report’s year', () => {
    expect(CCHC_REVIEW.subject.map((s) => fillTemplateText(s, q1))[0]).toBe(
      'Sơ kết 05 năm (2021-2025) thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021',
    );
    expect(reportTitle(CCHC_REVIEW, q1)).toBe('Báo cáo sơ kết CCHC giai đoạn 2021-2025');
    expect(reportTitle(TEMPLATES['CCHC_QUY'], q1)).toBe('Báo cáo CCHC Quý I năm 2025');
    const planned = planSections(CCHC_REVIEW, { kind: 'year', year: 2030 });
    expect(planned.find((p) => p.code === 'III')?.title).toBe('ĐÁNH GIÁ CHUNG VỀ CCHC TRONG GIAI ĐOẠN 2026-2030');
    const { body } = assembleBody(CCHC_REVIEW, q1, {});
    expect(body.map((b) => (b.type === 'heading' ? b.label : ''))).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.']);
  });

  it('derives its columns from the report’s period: Năm 2021 … Năm 2025, the last up to the data cut-off', () => {
    expect(reportPeriods(CCHC_REVIEW_FIGURES, q1).map((p) => p.label)).toEqual([
      'Năm 2021',
      'Năm 2022',
      'Năm 2023',
      'Năm 2024',
      'Năm 2025 (tính đến 14/3)',
    ]);
    expect(reportPeriods(CCHC_REVIEW_FIGURES, { kind: 'half', year: 2027, index: 2 }).map((p) => p.key)).toEqual([
      '2023',
      '2024',
      '2025',
      '2026',
      '2027',
    ]);
    expect(reportPeriods(CCHC_REVIEW_FIGURES, { kind: 'year', year: 2027 }).at(-1)?.label).toBe('Năm 2027 (tính đến 14/12)');
    const c = catalogueForReport('CCHC_SO_KET', 1, { kind: 'year', year: 2027 });
    expect(c?.version).toBe(1);
    expect(c?.title).toBe('Phụ lục: Thống kê các chỉ tiêu giai đoạn 2023–2027');
    // The single-period catalogue keeps its one column; an unknown version is none.
    expect(catalogueForReport('CCHC_QUY', 1, q1)?.periods).toEqual([{ key: 'ky', label: 'Kỳ báo cáo' }]);
    expect(catalogueForReport('CCHC_SO_KET', 99, q1)).toBeUndefined();
  });

  it('checks each year on its own and names the year in the finding', () => {
    const c = catalogueForReport('CCHC_SO_KET', 1, q1);
    const findings = checkPartFigures(c, 'II.6', {
      values: { '6.3.1': ['5', '120', '21', '30', '45'], '6.3.2': ['3', '119', '21', '31', '45'] },
    });
    expect(findings).toEqual([expect.objectContaining({ rule: 'part-of', period: 'Năm 2024', codes: ['6.3.2', '6.3.1'] })]);
  });
});
