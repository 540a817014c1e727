import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPlainText } from '../import/import-text';
import { readPdf } from '../../testing/pdf-read';
import { seedFile } from '../../testing/seeds';
import { sampleReportDocument } from '../sample';
import { renderReportPdf, tinosFonts } from './render';
import { pdfmakeDocumentClass, RUNS_PER_FONT, setFontSharing, setRunsPerFont, sharedRunCounts } from './shared-fonts';
import { FONT } from './layout';

const version = (pkg: string) =>
  (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;

/** Text items with their positions, the layout as pdf.js reads it back. */
async function laidOut(pdf: Buffer): Promise<string[][]> {
  return (await readPdf(pdf)).pages.map((p) => p.items.map((i) => `${i.str}@${i.x.toFixed(2)},${i.y.toFixed(2)}`));
}

describe('shared fonts (pinned internals)', () => {
  it('runs on the versions it was written for', () => {
    // shared-fonts.ts relies on pdfmake's PDFDocument.provideFont, pdfkit's font()/_fontFamilies/_fontCount
    // and EmbeddedFont.layoutCached/layoutRun, and fontkit's first-creation glyph code points.
    // On an upgrade: re-read those, then update the versions here and in the file's comment.
    expect([version('pdfmake'), version('pdfkit'), version('fontkit')]).toEqual(['0.3.11', '0.19.1', '2.0.4']);
  });

  it('finds the internals it hooks', () => {
    const Doc = pdfmakeDocumentClass();
    expect(typeof Doc.prototype.provideFont).toBe('function');
    const doc = new Doc({}, {}, {}, {}, { autoFirstPage: false });
    expect(typeof doc._fontCount).toBe('number');
    expect(typeof doc._fontFamilies).toBe('object');
    const file = tinosFonts()[FONT].normal;
    const font = doc.font(fs.readFileSync(file))._font as unknown as Record<string, unknown>;
    expect(typeof font['layoutCached']).toBe('function');
    expect(typeof font['layoutRun']).toBe('function');
    expect(font['layoutCache']).toBeDefined();
    expect(Array.isArray((font['font'] as { characterSet: unknown }).characterSet)).toBe(true);
  });
});

describe('shared fonts (renders)', () => {
  afterEach(() => {
    setFontSharing(true);
    setRunsPerFont(RUNS_PER_FONT);
  });

  it('lays out and reads back the same as per-document fonts, after another report', async () => {
    setFontSharing(false);
    const alone = await renderReportPdf(sampleReportDocument());
    setFontSharing(true);
    // Another report first: its words and glyphs are in the shared fonts before the sample's.
    await renderReportPdf(importPlainText(fs.readFileSync(seedFile('001'), 'utf8')).document);
    const counts = sharedRunCounts();
    expect(Object.keys(counts).map((f) => path.extname(f))).toContain('.ttf');
    expect(Math.max(...Object.values(counts))).toBeGreaterThan(100);
    const shared = await renderReportPdf(sampleReportDocument());
    // Same size: each PDF still embeds only its own glyphs (the larger report's are not carried over).
    expect(shared.length).toBe(alone.length);
    expect(await laidOut(shared)).toEqual(await laidOut(alone));
  });

  it('keeps at most the cap of shaped words per face, with the same output', async () => {
    setFontSharing(false);
    const alone = await renderReportPdf(sampleReportDocument());
    setFontSharing(true);
    setRunsPerFont(40);
    const capped = await renderReportPdf(sampleReportDocument());
    const counts = Object.values(sharedRunCounts());
    expect(counts.length).toBeGreaterThan(0);
    for (const n of counts) expect(n).toBeLessThanOrEqual(40);
    expect(await laidOut(capped)).toEqual(await laidOut(alone));
  });
});
