import type { ReportDocument } from '@trinhky/domain';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { buildReportDefinition, type RenderOptions } from './definition';
import { FONT } from './layout';
import { pdfmake } from '../lazy-modules';
import { shareFonts } from './shared-fonts';
import type { DocumentSlots } from './slots';

let configured = false;

/**
 * Directory of the Tinos TTFs (resolved through the package's package.json, not its index).
 * Node's own resolver from the working directory first: inside a bundle `require.resolve` is the
 * bundler's and answers a module id, not a path.
 */
export function tinosDir(): string {
  const pkg = '@expo-google-fonts/tinos/package.json';
  try {
    return path.dirname(createRequire(path.join(process.cwd(), 'index.js')).resolve(pkg));
  } catch {
    return path.dirname(require.resolve(pkg));
  }
}

export function tinosFonts(): Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>> {
  const dir = tinosDir();
  return {
    [FONT]: {
      normal: path.join(dir, '400Regular', 'Tinos_400Regular.ttf'),
      bold: path.join(dir, '700Bold', 'Tinos_700Bold.ttf'),
      italics: path.join(dir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
      bolditalics: path.join(dir, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
    },
  };
}

function configure(): void {
  if (configured) return;
  const fonts = tinosFonts();
  const allowed = new Set(Object.values(fonts[FONT]).map((p) => path.resolve(p)));
  const pdf = pdfmake();
  pdf.setFonts(fonts);
  pdf.setUrlAccessPolicy(() => false);
  pdf.setLocalAccessPolicy((p: string) => allowed.has(path.resolve(p)));
  // Parse the TTFs and shape each word once per process (worker), not once per document.
  shareFonts(Object.values(fonts[FONT]));
  configured = true;
}

/** Renders a report to PDF bytes (A4, ND 30 layout, Tinos embedded). */
export async function renderReportPdf(doc: ReportDocument, opts: RenderOptions = {}): Promise<Buffer> {
  return (await renderReportPdfLaidOut(doc, opts)).pdf;
}

/** Renders a report and reports where the layout put its slots (number, date, signature room). */
export async function renderReportPdfLaidOut(
  doc: ReportDocument,
  opts: RenderOptions = {},
): Promise<{ pdf: Buffer; slots: DocumentSlots }> {
  configure();
  const slots: DocumentSlots = {};
  const def = buildReportDefinition(doc, { ...opts, slots });
  const out = await pdfmake().createPdf(def).getBuffer();
  return { pdf: Buffer.from(out), slots };
}

// The .docx renderer is reached through this module too, so RenderPool workers load one entry for both formats.
export { renderReportDocx } from '../docx/export';
