import { foldVietnamese, type Block, type ReportDocument, type TableBlock } from '@trinhky/domain';
import * as fs from 'node:fs';
import { seedFile } from '../../testing/seeds';
import { importDocx } from '../import/import-docx';
import { importPlainText } from '../import/import-text';
import { words } from '../text/words';
import { renderReportDocx } from './export';
import { wordRetention } from './retention';
import JSZip = require('jszip');

jest.setTimeout(120_000);

const tables = (blocks: Block[]): TableBlock[] =>
  blocks.flatMap((b) => (b.type === 'table' ? [b] : b.type === 'heading' ? tables(b.children) : []));
const rowKey = (row: { text: string }[]) => words(row.map((c) => c.text).join(' '), foldVietnamese).join(' ');

describe.each(['000', '001', '003'])('seed %s exported to .docx and imported back', (prefix) => {
  let source: ReportDocument;
  let back: ReportDocument;
  let bytes: Buffer;
  beforeAll(async () => {
    source = importPlainText(fs.readFileSync(seedFile(prefix), 'utf8')).document;
    bytes = await renderReportDocx(source, { now: new Date('2025-10-01') });
    back = (await importDocx(bytes)).document;
  });

  it('keeps ≥ 99 % of the words, in order, and the footnotes', () => {
    const r = wordRetention(source, back);
    expect(r.total).toBeGreaterThan(500);
    expect(r.ratio).toBeGreaterThanOrEqual(0.99);
    expect(r.footnotes).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps the header, the signature block and Nơi nhận', () => {
    expect(back.issuer).toEqual(source.issuer);
    expect(back.subject.join(' ')).toBe(source.subject.join(' '));
    expect(back.recipients).toEqual(source.recipients);
    expect(back.signature?.lines).toEqual(source.signature?.lines);
    expect(back.signature?.name).toBe(source.signature?.name);
    expect(back.distribution).toEqual(source.distribution);
  });

  it('keeps every annex and every annex row', () => {
    expect(back.annexes.map((a) => a.title)).toEqual(source.annexes.map((a) => a.title));
    source.annexes.forEach((annex, i) => {
      const got = new Set(tables(back.annexes[i].blocks).flatMap((t) => t.rows.map(rowKey)));
      for (const t of tables(annex.blocks)) for (const row of t.rows) expect(got).toContain(rowKey(row));
    });
  });

  it('is a Word file: real footnotes, fixed widths, Times New Roman in all four slots, A4 with a different first page', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    // Every run font names all four slots.
    const fonts = [...xml.matchAll(/<w:rFonts [^>]*>/g)].map((m) => m[0]);
    expect(fonts.length).toBeGreaterThan(50);
    for (const f of fonts) for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(f).toContain(`w:${slot}="Times New Roman"`);
    expect(styles).toMatch(
      /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
    );
    expect(styles).toContain('<w:sz w:val="28"/>');
    // Tables: fixed layout, widths in twips (dxa), never percentages.
    expect(xml).not.toMatch(/w:type="pct"/);
    const tbls = xml.match(/<w:tbl>/g)?.length ?? 0;
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)?.length).toBe(tbls);
    expect(xml).toMatch(/<w:tblW w:type="dxa" w:w="9355"\/>/);
    // The first table is the header: issuing body | Quốc hiệu, borderless.
    const header = xml.slice(0, xml.indexOf('</w:tbl>'));
    expect(header).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header).toContain(source.issuer.name.toUpperCase());
    expect(header).toMatch(/<w:tblBorders><w:top w:val="none"/);
    // A4 portrait, ND 30 margins (top/bottom 20 mm, left 30 mm, right 15 mm), different first page.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    // Page number field in the default header.
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const defaultHeader = /<w:headerReference w:type="default" r:id="(rId\d+)"\/>/.exec(xml)![1];
    const target =
      new RegExp(`Id="${defaultHeader}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${defaultHeader}"`).exec(rels)![1];
    expect(await zip.file(`word/${target}`)!.async('string')).toMatch(/PAGE/);
    // Footnotes are Word footnotes, each text in footnotes.xml.
    const notes = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
    const refs = xml.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? [];
    const sourceNotes = JSON.stringify(source).match(/"footnote":/g)?.length ?? 0;
    expect(refs.length).toBe(sourceNotes);
    for (const id of refs.map((r) => /\d+/.exec(r)![0])) expect(notes).toContain(`<w:footnote w:id="${id}">`);
    if (prefix === '003') {
      expect(notes).toContain('Quyết định số 1069/QĐ-UBND');
      // Wide annexes are landscape sections; annex header rows repeat on each page.
      expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
      expect(xml).toContain('<w:tblHeader/>');
    }
  });
});
