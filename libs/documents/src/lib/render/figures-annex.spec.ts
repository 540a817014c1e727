import { CCHC_REVIEW_FIGURES, figuresAnnex, type TableBlock } from '@trinhky/domain';
import { sampleReportDocument } from '../sample';
import { annexIsLandscape } from './annex';
import { buildReportDefinition } from './definition';

/** The multi-year review's annex: one column per year, landscape, header repeated, values formatted. */
describe('figuresAnnex (multi-year catalogue)', () => {
  const pl1 = {
    values: {
      '1': ['12', '14', '9', '11', '3'],
      '2.1': ['10', '12', '14', '16', '4'],
      '2.2': ['10', '11', '14', '16', '1'],
      '4.1': ['1', '0', '1', null, null],
    },
  };
  const annex = figuresAnnex(CCHC_REVIEW_FIGURES, { PL1: pl1 });
  const table = annex.blocks.find((b): b is TableBlock => b.type === 'table') as TableBlock;
  const row = (code: string) => table.rows.find((r) => r[0].text === code)?.map((c) => c.text);

  it('has one value column per year, formatted, rates computed, coded answers by label, blanks blank', () => {
    expect(table.header[0].map((c) => c.text)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Năm 2021',
      'Năm 2022',
      'Năm 2023',
      'Năm 2024',
      'Năm 2025 (tính đến 31/3)',
    ]);
    expect(row('2')).toEqual(['2', 'Tỷ lệ hoàn thành kế hoạch CCHC năm', '%', '100 %', '91,67 %', '100 %', '100 %', '25 %']);
    expect(row('4.1')).toEqual(['4.1', 'Tổ chức cuộc thi tìm hiểu CCHC', '', 'Có tổ chức', 'Không tổ chức', 'Có tổ chức', '', '']);
    expect(row('3')?.slice(3)).toEqual(['', '', '', '', '']);
    expect(annex.blocks.filter((b) => b.type === 'table')).toHaveLength(CCHC_REVIEW_FIGURES.groups.length);
  });

  it('is landscape with its header rows repeated on every page', () => {
    expect(annexIsLandscape(annex)).toBe(true);
    const def = buildReportDefinition({ ...sampleReportDocument(), annexes: [annex] });
    const sections = def.content as { pageOrientation?: string; section: { table?: { headerRows: number } }[] }[];
    expect(sections[1].pageOrientation).toBe('landscape');
    const tables = sections[1].section.filter((c) => c.table);
    expect(tables.length).toBe(CCHC_REVIEW_FIGURES.groups.length);
    expect(tables.every((c) => c.table?.headerRows === 1)).toBe(true);
  });
});
