import { foldVietnamese } from '@trinhky/domain';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { readPdf } from '../../testing/pdf-read';
import { seedFile } from '../../testing/seeds';
import { importPlainText } from '../import/import-text';
import { MOTTO, MOTTO_SUB } from '../render/header';
import { words } from '../text/words';
import { renderReportDocx } from './export';

jest.setTimeout(300_000);

/** The soffice binary, or why there is none (the test then says so and checks nothing else). */
function findSoffice(): { bin: string | null; reason: string } {
  try {
    const bin = execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim();
    if (bin) return { bin, reason: '' };
  } catch {
    // not found
  }
  return { bin: null, reason: 'LibreOffice (soffice) is not installed: run tools/install-verifiers.sh to check the .docx in LibreOffice.' };
}

const soffice = findSoffice();
const flat = (s: string) => words(s, foldVietnamese).join(' ');
const seedDocument = (prefix: string) => importPlainText(fs.readFileSync(seedFile(prefix), 'utf8')).document;

describe('the exported .docx in LibreOffice', () => {
  if (!soffice.bin) {
    it('cannot run here', () => {
      console.warn(`docx-libreoffice.spec: ${soffice.reason}`);
    });
    return;
  }
  const bin = soffice.bin;
  const seeds = ['000', '001', '003'];
  let dir: string;
  // The three files go through one LibreOffice start (its start-up and fresh profile cost more than a conversion).
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-lo-'));
    const files: string[] = [];
    for (const prefix of seeds) {
      const file = path.join(dir, `seed-${prefix}.docx`);
      fs.writeFileSync(file, await renderReportDocx(seedDocument(prefix), { now: new Date('2025-10-01') }));
      files.push(file);
    }
    // Its own profile directory, so a running LibreOffice or a parallel test does not block the conversion.
    const profile = `file://${path.join(dir, 'profile')}`;
    await promisify(execFile)(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      timeout: 240_000,
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(seeds)('converts seed %s to a PDF showing the header lines and the signer', async (prefix) => {
    const doc = seedDocument(prefix);
    const pdf = await readPdf(fs.readFileSync(path.join(dir, `seed-${prefix}.pdf`)));
    const text = flat(pdf.pages.map((p) => p.text).join(' '));
    expect(Math.round(pdf.pages[0].width)).toBe(595);
    const first = flat(pdf.pages[0].text);
    for (const line of [MOTTO, MOTTO_SUB, doc.issuer.name.toUpperCase(), doc.kind]) expect(first).toContain(flat(line));
    expect(text).toContain(flat(doc.signature!.name));
    for (const l of doc.signature!.lines) expect(text).toContain(flat(l));
    expect(text).toContain(flat('Nơi nhận'));
    if (doc.annexes.length) expect(pdf.pages.some((p) => p.width > p.height)).toBe(true);
  });
});
