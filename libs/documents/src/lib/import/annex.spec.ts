import type { TableBlock } from '@trinhky/domain';
import { readPdf } from '../../testing/pdf-read';
import { buildReportDefinition } from '../render/definition';
import { renderReportPdf } from '../render/render';
import { parseFlatTable } from './annex';
import { importPlainText } from './import-text';
import { toSourceLines } from './lines';

jest.setTimeout(60_000);

// Seed 003, Phụ lục IV: a group cell ("Các sở, ban, ngành…") over the five period columns.
const ANNEX_IV = [
  'STT  Chỉ tiêu thống kê ',
  'Các sở, ban, ngành, UBND cấp huyện,  ',
  'đơn vị sự nghiệp công lập   ',
  'Năm ',
  '2021 ',
  'Năm ',
  '2022 ',
  'Năm ',
  '2023 ',
  'Năm ',
  '2024 ',
  'Năm ',
  ' 2025 ',
  '(Tính đến ',
  '31/3) ',
  '1 Sắp xếp, kiện toàn tổ chức bộ máy ',
  '1.1.  ',
  'Số sở, ngành đã hoàn thành việc sắp xếp các phòng ',
  'chuyên môn đáp ứng các tiêu chí theo quy định của ',
  'Chính phủ ',
  '1.2. ',
  'Tỷ lệ sở, ngành đã hoàn thành việc sắp xếp các ',
  'phòng chuyên môn đáp ứng các tiêu chí theo quy ',
  'định của Chính phủ ',
  '2 Số liệu về biên chế công chức      ',
  '2.1.  Tổng số biên chế được giao trong năm 19 19 19 19 19 ',
  '2.2.  Tổng số biên chế có mặt tại thời điểm báo cáo 19 19 19 18 18 ',
].join('\n');

// Seed 003, Phụ lục I: one header row (no group cell), six period columns.
const ANNEX_I = [
  'STT Chỉ tiêu ',
  'Năm ',
  '2021 ',
  'Năm ',
  '2022 ',
  'Năm ',
  '2023 ',
  'Năm ',
  '2024 ',
  'Năm ',
  '2025 ',
  'Năm 2025 ',
  '(tính đến 31/3) ',
  '1 ',
  'Số lượng văn bản chỉ đạo CCHC đã ban ',
  'hành (kết luận, chỉ thị,  công văn chỉ đạo, quán ',
  'triệt) ',
  '33 21 50 29 20 32 ',
  '2 Tỷ lệ hoàn thành kế hoạch CCHC năm       ',
  '2.1 Số nhiệm vụ đề ra trong kế hoạch 38 44 48 45 42 42 ',
].join('\n');

const years = ['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025 (Tính đến 31/3)'];

function table(text: string): TableBlock {
  const parsed = parseFlatTable(toSourceLines(text));
  if (!parsed) throw new Error('no table');
  return parsed.table;
}

describe('parseFlatTable: header rows', () => {
  it('rebuilds a two-level header when a group cell stands over the periods', () => {
    const t = table(ANNEX_IV);
    expect(t.header).toEqual([
      [
        { text: 'STT', rowSpan: 2 },
        { text: 'Chỉ tiêu thống kê', rowSpan: 2 },
        { text: 'Các sở, ban, ngành, UBND cấp huyện, đơn vị sự nghiệp công lập', colSpan: 5 },
      ],
      years.map((text) => ({ text })),
    ]);
    // Hierarchical codes stay rows, in order, with their values under the periods.
    expect(t.rows.map((r) => r[0].text)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
    expect(t.rows[5].map((c) => c.text)).toEqual(['2.2', 'Tổng số biên chế có mặt tại thời điểm báo cáo', '19', '19', '19', '18', '18']);
    expect(t.widths).toHaveLength(7);
  });

  it('keeps a year that ends the name out of the values', () => {
    // Rows 2.5 (renumbered 2.3 here) and 3.1–3.4 of seed 003 Phụ lục IV.
    const t = table(
      [
        ...ANNEX_IV.split('\n'),
        '2.3. Tỷ lệ % biên chế công chức đã tinh giản so với 2015 0 0 0 0 0 ',
        '3 Số người làm việc hưởng lương từ NSNN ',
        '3.1.  Tổng số người làm việc được giao      ',
        '3.2.  Tổng số người làm việc có mặt tại thời điểm báo cáo      ',
        '3.3.  Số người đã tinh giản trong năm      ',
        '3.4. Tỷ lệ % đã tinh giản so với 2015      ',
      ].join('\n'),
    );
    expect(t.rows.map((r) => r[0].text).slice(-6)).toEqual(['2.3', '3', '3.1', '3.2', '3.3', '3.4']);
    expect(t.rows[t.rows.length - 6].map((c) => c.text)).toEqual([
      '2.3',
      'Tỷ lệ % biên chế công chức đã tinh giản so với 2015',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(t.rows[t.rows.length - 1].map((c) => c.text)).toEqual(['3.4', 'Tỷ lệ % đã tinh giản so với 2015', '', '', '', '', '']);
  });

  it('keeps one header row otherwise', () => {
    const t = table(ANNEX_I);
    expect(t.header).toEqual([
      [
        { text: 'STT' },
        { text: 'Chỉ tiêu' },
        ...['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025', 'Năm 2025 (tính đến 31/3)'].map((text) => ({ text })),
      ],
    ]);
    expect(t.rows[0].map((c) => c.text)).toEqual([
      '1',
      'Số lượng văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)',
      '33',
      '21',
      '50',
      '29',
      '20',
      '32',
    ]);
  });

  it('treats a lower-case line after the name cell as the name continuing, not a group', () => {
    const t = table(['STT Nhiệm vụ/tiêu', 'chí', 'Năm ', '2021 ', 'Năm ', '2022 ', '1 Kiểm tra, xử lý VBQPPL 0 0'].join('\n'));
    expect(t.header).toEqual([[{ text: 'STT' }, { text: 'Nhiệm vụ/tiêu chí' }, { text: 'Năm 2021' }, { text: 'Năm 2022' }]]);
  });
});

describe('two-level annex header in the PDF', () => {
  // The Phụ lục IV excerpt, its rows repeated so that the table runs over several pages.
  const rows = ANNEX_IV.split('\n').slice(15);
  const many = Array.from({ length: 12 }, (_, n) => rows.map((r) => r.replace(/^(\d)(?=[\s.])/u, String(n * 2 + Number(r[0])))).join('\n'));
  const source = [
    'ỦY BAN NHÂN DÂN',
    'PHƯỜNG 2',
    'Số: 15/BC-UBND',
    'BÁO CÁO',
    'Tổng kết công tác cải cách hành chính',
    'Thực hiện Kế hoạch của UBND thị xã, UBND phường báo cáo như sau:',
    'I. CÔNG TÁC CHỈ ĐẠO',
    '1. Cải cách thể chế',
    'Không ban hành văn bản mới.',
    'Trên đây là báo cáo của UBND Phường 2./.',
    'Nơi nhận:',
    '- Lưu: VT, VP.',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    'Lê Thanh Bình',
    'Phụ lục IV',
    'THỐNG KÊ CÁC CHỈ TIÊU CỦA LĨNH VỰC CẢI CÁCH TỔ CHỨC BỘ MÁY',
    '(Kèm theo Báo cáo số         /BC-UBND ngày      /4/2025 của UBND Phường 2)',
    ANNEX_IV.split('\n').slice(0, 15).join('\n'),
    many.join('\n'),
  ].join('\n');

  it('declares both header rows and repeats them on every page of the table', async () => {
    const { document } = importPlainText(source);
    const t = document.annexes[0].blocks.find((b): b is TableBlock => b.type === 'table');
    expect(t?.header).toHaveLength(2);
    expect(t?.rows.map((r) => r[0].text).slice(0, 8)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1']);
    const def = JSON.stringify(buildReportDefinition(document, { now: new Date('2025-10-01') }).content);
    expect(def).toContain('"headerRows":2');

    const pdf = await readPdf(await renderReportPdf(document, { now: new Date('2025-10-01') }));
    const tablePages = pdf.pages.filter((p) => p.segments.some((s) => s.str === 'Tổng số biên chế được giao trong năm'));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) {
      const stt = p.segments.find((s) => s.str === 'STT');
      const group = p.segments.find((s) => s.str.startsWith('Các sở, ban, ngành'));
      const year = p.segments.find((s) => s.str === 'Năm');
      // Both header rows at the top of each page's table, the group cell above the period cells.
      expect(stt && group && year).toBeTruthy();
      expect(Math.abs((group?.y ?? 0) - (stt?.y ?? 0))).toBeLessThan(12);
      expect(year?.y ?? 0).toBeGreaterThan((group?.y ?? 0) + 10);
      expect(year?.x ?? 0).toBeGreaterThanOrEqual((group?.x ?? 0) - 2);
    }
  });
});
