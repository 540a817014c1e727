import { blocksText, contentFromPlainText } from './document-model';
import {
  foldVietnamese,
  formatDateLineVi,
  formatNumberVi,
  formatPercentVi,
  formatPlaceDateVi,
  formatRegisterNumber,
  parseNumberVi,
  pointLabel,
  toRoman,
} from './format';
import { addWorkingDays, dataCutOff, nextPeriod, periodError, periodKey, periodLabel, todayInVietnam } from './periods';
import { buildReportDocument } from './report-document';
import { CCHC_QUARTERLY, assembleBody, planSections } from './templates';

describe('Vietnamese formatting', () => {
  it('formats numbers and percentages the Vietnamese way', () => {
    expect(formatNumberVi(2139)).toBe('2.139');
    expect(formatNumberVi(1234567.5)).toBe('1.234.567,5');
    expect(formatNumberVi(99.814, 2)).toBe('99,81');
    expect(formatNumberVi(-2182)).toBe('-2.182');
    expect(formatPercentVi(99.81)).toBe('99,81 %');
    expect(parseNumberVi('2.139')).toBe(2139);
    expect(parseNumberVi('99,81%')).toBe(99.81);
    expect(parseNumberVi('1.234,5')).toBe(1234.5);
    expect(parseNumberVi('abc')).toBeNull();
  });

  it('writes dates with ND 30’s leading zeros (day < 10, months 1–2 only)', () => {
    expect(formatDateLineVi('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatDateLineVi('2025-09-25')).toBe('ngày 25 tháng 9 năm 2025');
    expect(formatDateLineVi('2025-02-03')).toBe('ngày 03 tháng 02 năm 2025');
    expect(formatDateLineVi('2025-12-10')).toBe('ngày 10 tháng 12 năm 2025');
    expect(formatPlaceDateVi('An Bình', '2025-09-25')).toBe('An Bình, ngày 25 tháng 9 năm 2025');
    expect(formatPlaceDateVi('An Bình', null, 2026)).toBe('An Bình, ngày      tháng      năm 2026');
  });

  it('labels points in the Vietnamese letter order and numbers in registers', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(pointLabel)).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)', 'h)']);
    expect(toRoman(4)).toBe('IV');
    expect(toRoman(14)).toBe('XIV');
    expect(formatRegisterNumber(7)).toBe('07');
    expect(formatRegisterNumber(115)).toBe('115');
  });

  it('folds tone-mark placement variants so UỶ/ỦY and Hoá/Hóa compare equal', () => {
    expect(foldVietnamese('UỶ BAN')).toBe(foldVietnamese('ỦY BAN'));
    expect(foldVietnamese('Văn hoá')).toBe(foldVietnamese('Văn hóa'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
    expect(foldVietnamese('hoà')).not.toBe(foldVietnamese('hóa'));
  });
});

describe('reporting periods (ND 09/2019)', () => {
  it('cuts quarters from the 15th of the previous month to the 14th of the last month', () => {
    expect(dataCutOff({ kind: 'quarter', year: 2025, index: 3 })).toEqual({ from: '2025-06-15', to: '2025-09-14' });
    expect(dataCutOff({ kind: 'quarter', year: 2026, index: 1 })).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(dataCutOff({ kind: 'half', year: 2026, index: 1 })).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(dataCutOff({ kind: 'half', year: 2026, index: 2 })).toEqual({ from: '2026-06-15', to: '2026-12-14' });
    expect(dataCutOff({ kind: 'year', year: 2026 })).toEqual({ from: '2025-12-15', to: '2026-12-14' });
  });

  it('labels, keys and steps periods', () => {
    expect(periodLabel({ kind: 'quarter', year: 2025, index: 3 })).toBe('Quý III năm 2025');
    expect(periodLabel(nextPeriod({ kind: 'quarter', year: 2025, index: 4 }))).toBe('Quý I năm 2026');
    expect(periodKey({ kind: 'half', year: 2026, index: 2 })).toBe('2026-H2');
    expect(periodError({ kind: 'quarter', year: 2026, index: 5 })).toMatch(/Quý/);
    expect(periodError({ kind: 'quarter', year: 2026, index: 2 })).toBeNull();
  });

  it('counts working days both ways and knows today in Vietnam', () => {
    expect(addWorkingDays('2025-09-19', 1)).toBe('2025-09-22'); // Friday → Monday
    expect(addWorkingDays('2025-09-22', -1)).toBe('2025-09-19');
    expect(todayInVietnam(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01');
  });
});

describe('CCHC template', () => {
  const period = { kind: 'quarter' as const, year: 2025, index: 3 };

  it('plans one section per part with the drafting department DOMAIN.md names', () => {
    const plan = planSections(CCHC_QUARTERLY, period);
    const units = Object.fromEntries(plan.map((p) => [p.code, p.unit]));
    expect(units).toEqual({
      opening: 'VHXH',
      I: 'VHXH',
      'II.1': 'VP',
      'II.2': 'HCC',
      'II.3': 'VHXH',
      'II.4': 'VHXH',
      'II.5': 'KT',
      'II.6': 'VP',
      III: 'VHXH',
      IV: 'VHXH',
      V: 'VHXH',
    });
    expect(plan.find((p) => p.code === 'IV')?.title).toBe('PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025');
  });

  it('assembles the body tree with part II enclosing its six items', () => {
    const { body } = assembleBody(CCHC_QUARTERLY, period, { 'II.2': [{ type: 'paragraph', runs: [{ text: 'Tiếp nhận 2.182 hồ sơ' }] }] });
    expect(body.map((b) => (b.type === 'heading' ? b.label : ''))).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.']);
    const two = body[1];
    expect(two.type === 'heading' && two.children.map((c) => (c.type === 'heading' ? c.label : ''))).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
    ]);
    expect(blocksText(body)).toContain('Tiếp nhận 2.182 hồ sơ');
  });

  it('builds the printable document with its subject, closing and number suffix', () => {
    const doc = buildReportDocument({
      organisation: {
        issuerParent: 'ỦY BAN NHÂN DÂN',
        issuerName: 'XÃ AN BÌNH',
        place: 'An Bình',
        numberSuffix: 'UBND',
        shortName: 'UBND xã An Bình',
      },
      report: {
        templateCode: 'CCHC_QUY',
        period,
        subject: ['Tình hình …'],
        recipients: ['Sở Nội vụ'],
        distribution: ['- Lưu: VT, VHXH.'],
        basis: 'Thực hiện …',
        number: 7,
        issuedAt: '2025-09-25',
      },
      contents: {},
      signature: null,
    });
    expect(doc.numberSuffix).toBe('BC-UBND');
    expect(doc.opening).toEqual([{ type: 'paragraph', runs: [{ text: 'Thực hiện …' }] }]);
    expect(doc.closing).toBe(
      'Trên đây là báo cáo tình hình thực hiện công tác cải cách hành chính Quý III năm 2025, phương hướng nhiệm vụ Quý IV năm 2025; UBND xã An Bình trân trọng báo cáo./.',
    );
  });
});

describe('section content', () => {
  it('reads plain text into paragraphs and bullets', () => {
    expect(contentFromPlainText('Đoạn một\n\n- ý một\n+ ý phụ\n').blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'Đoạn một' }] },
      { type: 'bullet', marker: '-', runs: [{ text: 'ý một' }] },
      { type: 'bullet', marker: '+', runs: [{ text: 'ý phụ' }] },
    ]);
  });
});
