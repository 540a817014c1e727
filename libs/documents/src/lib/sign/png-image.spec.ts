import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportPdf } from '../render/render';
import { sampleReportDocument } from '../sample';
import { decodePng, decodePngDataUrl } from './png-image';

describe('decodePng (the signature image of the leader’s widget)', () => {
  it('decodes a PNG written by another encoder (poppler’s pdftoppm): size and pixels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'png-'));
    writeFileSync(join(dir, 'f.pdf'), await renderReportPdf(sampleReportDocument()));
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '20', '-png', join(dir, 'f.pdf'), join(dir, 'p')]);
    const png = readFileSync(join(dir, 'p-1.png'));
    const img = decodePng(png);
    expect(img).not.toBeNull();
    expect([img?.width, img?.height]).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
    expect(img?.rgb.length).toBe((img?.width ?? 0) * (img?.height ?? 0) * 3);
    // The A4 page at 20 dpi: white margins, dark text somewhere.
    expect([...(img?.rgb.subarray(0, 3) ?? [])]).toEqual([255, 255, 255]);
    expect(Math.min(...(img?.rgb ?? []))).toBeLessThan(100);
  });

  it('answers null for what it does not decode', () => {
    expect(decodePng(Buffer.from('not a png'))).toBeNull();
    expect(decodePngDataUrl('data:image/jpeg;base64,AAAA')).toBeNull();
    expect(decodePngDataUrl(null)).toBeNull();
  });
});
