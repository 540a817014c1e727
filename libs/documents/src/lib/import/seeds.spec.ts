import { foldVietnamese } from '@trinhky/domain';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inOrderCoverage, readPdf, words, type PdfReadResult } from '../../testing/pdf-read';
import { rasterPages } from '../../testing/pdf-raster';
import { seedFile } from '../../testing/seeds';
import { MM } from '../render/layout';
import { renderReportPdf } from '../render/render';
import { importPlainText } from './import-text';
import { stripFootnotesAndPageNumbers, toSourceLines } from './lines';
import type { ImportResult } from './types';

jest.setTimeout(60_000);

interface Expect {
  sections: number;
  parts?: number;
  items?: number;
  signature: string[];
  name: string;
  distribution: string[];
  recipients: string[];
  annexes?: number;
  footnotes?: number;
  /** Lettered points "a)" … "g)" at the start of a source line. */
  points?: number;
  footnotesAttached?: number;
}

const seeds: Record<string, Expect> = {
  '000': {
    sections: 5,
    items: 25,
    points: 18,
    signature: ['TM. UỶ BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    name: 'Nguyễn Thế Báu',
    distribution: [
      '- Như trên;',
      '- Thường trực Đảng uỷ phường;',
      '- Thường trực HĐND phường;',
      '- Lãnh đạo UBND;',
      '- Các phòng, ban chuyên môn;',
      '- Trung tâm Phục vụ HCC phường;',
      '- Lưu: VT, VHXH.',
    ],
    recipients: ['Sở Nội vụ'],
  },
  '001': {
    sections: 4,
    signature: ['CHỦ TỊCH'],
    name: 'Phan Văn Đại',
    distribution: ['- Sở NV tỉnh (b/c);', '- Chủ tịch, các PCT UBND;', '- Lưu: VT, VHXH.'],
    recipients: [],
  },
  '003': {
    parts: 3,
    sections: 3,
    signature: ['TM. UỶ BAN NHÂN DÂN', 'CHỦ TỊCH'],
    name: 'Lê Thanh Bình',
    distribution: ['- UBND thị xã;', '- Phòng Nội vụ thị xã;', '- CT, PCT UBND phường;', '- Công chức chuyên môn;', '- Lưu: VT, VP.'],
    recipients: [],
    annexes: 8,
    footnotes: 13,
    points: 18,
    footnotesAttached: 13,
  },
};

describe.each(Object.entries(seeds))('seed %s', (prefix, expected) => {
  let source: string;
  let result: ImportResult;
  let pdf: PdfReadResult;
  let bytes: Buffer;
  beforeAll(async () => {
    source = fs.readFileSync(seedFile(prefix), 'utf8');
    result = importPlainText(source);
    bytes = await renderReportPdf(result.document, { now: new Date('2025-10-01') });
    pdf = await readPdf(bytes);
  });

  it('draws page 1 and the last page (saved as PNG under test-output/samples/ for review)', async () => {
    const [first, last] = await rasterPages(bytes, [1, -1]);
    const dir = path.resolve(__dirname, '../../../../../test-output/samples');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `seed-${prefix}-first.png`), first.png);
    fs.writeFileSync(path.join(dir, `seed-${prefix}-last.png`), last.png);
    expect(first.png.subarray(1, 4).toString()).toBe('PNG');
    expect(last.number).toBe(pdf.pages.length);
    // Text was drawn (a blank or failed rendering has no ink), and a page is not a black box.
    for (const p of [first, last]) {
      expect(p.ink).toBeGreaterThan(0.005);
      expect(p.ink).toBeLessThan(0.5);
    }
  });

  it('finds the structure', () => {
    const d = result.document;
    expect(result.stats.sections).toBe(expected.sections);
    if (expected.parts !== undefined) expect(result.stats.parts).toBe(expected.parts);
    if (expected.items !== undefined) expect(result.stats.items).toBe(expected.items);
    expect(d.signature?.lines).toEqual(expected.signature);
    expect(d.signature?.name).toBe(expected.name);
    expect(d.distribution).toEqual(expected.distribution);
    expect(d.recipients).toEqual(expected.recipients);
    expect(d.closing).toMatch(/^Trên đây.*\.\/\.$/u);
    expect(d.annexes.length).toBe(expected.annexes ?? 0);
    if (expected.footnotes !== undefined) expect(result.stats.footnotes).toBe(expected.footnotes);
    if (expected.points !== undefined) expect(result.stats.points).toBe(expected.points);
    if (expected.footnotesAttached !== undefined) expect(result.stats.footnotesAttached).toBe(expected.footnotesAttached);
    expect(result.mapping['I']).toBeDefined();
  });

  it('keeps ≥ 99 % of the source words, in order, in the PDF', () => {
    const { body, footnotes } = stripFootnotesAndPageNumbers(toSourceLines(source));
    const target = words(pdf.pages.map((p) => p.text).join(' '), foldVietnamese);
    const main = inOrderCoverage(words(body.map((l) => l.text).join(' '), foldVietnamese), target);
    expect(main.found / main.total).toBeGreaterThanOrEqual(0.99);
    const targetSet = new Set(target);
    const noteWords = words(footnotes.map((f) => f.text).join(' '), foldVietnamese);
    expect(noteWords.filter((w) => targetSet.has(w)).length).toBeGreaterThanOrEqual(noteWords.length * 0.99);
    // Nothing silently dropped: every source word is in the PDF, in `unplaced`, or removed residue.
    const accounted = new Set([...target, ...words([...result.unplaced, ...result.removed].map((u) => u.text).join(' '), foldVietnamese)]);
    const all = words(source, foldVietnamese);
    expect(all.filter((w) => accounted.has(w)).length / all.length).toBeGreaterThanOrEqual(0.995);
  });

  it('lays out A4 pages with embedded fonts, numbered from page 2', () => {
    expect(pdf.fontsEmbedded).toBe(true);
    const first = pdf.pages[0];
    expect(Math.round(first.width)).toBe(595);
    expect(first.segments.some((s) => /^\d+$/.test(s.str) && s.y < 20 * MM)).toBe(false);
    // Annexes are numbered on their own: no number on an annex's first page, then 2, 3…
    let annexStart = 0;
    for (const p of pdf.pages.slice(1)) {
      const top = p.segments.filter((s) => s.y < (p.width > p.height ? 30 : 20) * MM);
      if (/^Phụ lục\b/u.test(p.segments[0]?.str ?? '')) {
        annexStart = p.number;
        expect(top).toEqual([]);
        continue;
      }
      expect(top.map((s) => s.str)).toEqual([String(annexStart ? p.number - annexStart + 1 : p.number)]);
      if (p.width > p.height) continue;
      expect(Math.abs(top[0].x + top[0].width / 2 - (30 * MM + (p.width - 45 * MM) / 2))).toBeLessThan(3);
    }
    for (const p of pdf.pages.filter((pg) => pg.width < pg.height)) {
      for (const s of p.segments) expect(s.x).toBeGreaterThanOrEqual(30 * MM - 1);
    }
  });

  it('keeps the closing block on one page', () => {
    const withList = pdf.pages.filter((p) => p.segments.some((s) => s.str === 'Nơi nhận:'));
    expect(withList).toHaveLength(1);
    const page = withList[0];
    const list = page.segments.find((s) => s.str === 'Nơi nhận:')!;
    const name = page.segments.find((s) => s.str === expected.name)!;
    expect(name).toBeDefined();
    const firstSig = page.segments.find((s) => s.str === expected.signature[0])!;
    expect(Math.abs(firstSig.y - list.y)).toBeLessThan(3);
    expect(firstSig.x).toBeGreaterThan(list.x + 100);
  });
});
