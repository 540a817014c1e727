import { foldVietnamese } from '@trinhky/domain';
import { inOrderCoverage, readPdf, words, type PdfPage } from '../../testing/pdf-read';
import { sampleReportDocument } from '../sample';
import { buildReportDefinition } from './definition';
import { MM } from './layout';
import { renderReportPdf } from './render';

const find = (page: PdfPage, re: RegExp) => page.segments.find((i) => re.test(i.str.replace(/\u00a0/g, ' ')));

describe('buildReportDefinition', () => {
  it('is A4 with ND 30 margins and Tinos', () => {
    const def = buildReportDefinition(sampleReportDocument());
    expect(def.pageSize).toBe('A4');
    const [l, t, r, b] = def.pageMargins as number[];
    expect(l / MM).toBeGreaterThanOrEqual(30);
    expect(l / MM).toBeLessThanOrEqual(35);
    expect(r / MM).toBeGreaterThanOrEqual(15);
    expect(r / MM).toBeLessThanOrEqual(20);
    expect(t / MM).toBeGreaterThanOrEqual(20);
    expect(b / MM).toBeGreaterThanOrEqual(20);
    expect(def.defaultStyle?.font).toBe('Tinos');
  });

  it('normalises decomposed text to NFC', () => {
    const decomposed = 'Hà Nội'.normalize('NFD');
    const def = buildReportDefinition(sampleReportDocument({ place: decomposed }));
    expect(JSON.stringify(def.content)).toContain('Hà Nội'.normalize('NFC'));
    expect(JSON.stringify(def.content)).not.toContain(decomposed);
  });
});

describe('renderReportPdf (read back)', () => {
  let pages: PdfPage[];
  let fontsEmbedded: boolean;
  beforeAll(async () => {
    const pdf = await renderReportPdf(sampleReportDocument());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const read = await readPdf(pdf);
    pages = read.pages;
    fontsEmbedded = read.fontsEmbedded;
  });

  it('embeds its fonts on an A4 page', () => {
    expect(fontsEmbedded).toBe(true);
    expect(Math.round(pages[0].width)).toBe(595);
    expect(Math.round(pages[0].height)).toBe(842);
  });

  it('puts the issuing body left and the motto right, Số and the date on one row', () => {
    const p = pages[0];
    const issuer = find(p, /ỦY BAN NHÂN DÂN/)!;
    const motto = find(p, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/)!;
    const so = find(p, /^Số: 07\/BC-UBND/)!;
    const date = find(p, /An Bình, ngày 05 tháng 01 năm 2026/)!;
    expect(issuer.x).toBeLessThan(motto.x);
    expect(Math.abs(issuer.y - motto.y)).toBeLessThan(2);
    expect(Math.abs(so.y - date.y)).toBeLessThan(3);
    expect(so.x).toBeLessThan(p.width / 2);
    expect(date.x).toBeGreaterThan(p.width / 2 - 40);
    expect(find(p, /Độc lập - Tự do - Hạnh phúc/)).toBeDefined();
  });

  it('keeps the text inside the margins', () => {
    for (const p of pages) {
      for (const i of p.items.filter((it) => it.str.trim())) {
        expect(i.x).toBeGreaterThanOrEqual(30 * MM - 1);
        expect(i.x + i.width).toBeLessThanOrEqual(p.width - 15 * MM + 1);
      }
    }
  });

  it('has the title, recipients, body and closing in order', () => {
    const text = pages.map((p) => p.text).join(' ');
    const cov = inOrderCoverage(
      words(
        'BÁO CÁO Kính gửi: Sở Nội vụ I. CÔNG TÁC CHỈ ĐẠO 1. Về tổ chức chỉ đạo a) Kết quả rà soát Trên đây là báo cáo Nơi nhận: - Như trên; TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An',
        foldVietnamese,
      ),
      words(text, foldVietnamese),
    );
    expect(cov.missing).toEqual([]);
  });

  it('prints the footnote at the foot of the marker page', () => {
    const p = pages[0];
    const note = find(p, /Kế hoạch số 09\/KH-UBND ngày 31\/7\/2025 của UBND xã An Bình/)!;
    expect(note.y).toBeGreaterThan(p.height * 0.7);
  });
});

describe('undated, unnumbered report', () => {
  it('leaves blanks for the number and the day', async () => {
    const pdf = await renderReportPdf(sampleReportDocument({ number: null, date: null }), { now: new Date('2026-03-01') });
    const { pages } = await readPdf(pdf);
    expect(pages[0].text).toMatch(/Số:[\s\u00a0]+\/ ?BC- ?UBND/);
    expect(pages[0].text).not.toMatch(/Số: \d/);
    expect(pages[0].text).toMatch(/An\s+Bình,\s+ngày\s+tháng\s+năm\s+2026/);
  });
});
