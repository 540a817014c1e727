import type { ReportDocument, SignatureBlock } from '@trinhky/domain';
import type { Content } from 'pdfmake/interfaces';
import { FIRST_LINE_INDENT, LINE_HEIGHT, PARAGRAPH_AFTER, SIZE } from './layout';
import { SLOT_IDS, TINOS_LINE } from './slots';
import { nfc } from './text';

/** Width of the signature column and of the images inside it. */
export const SIGNATURE_COLUMN_RATIO = 0.5;
export const SIGNATURE_IMAGE = { width: 150, height: 64 } as const;
export const SEAL_IMAGE = { size: 110 } as const;
/** Room left for a hand signature when no image is present. */
export const SIGNATURE_SPACE = 72;

/** The closing sentence, always ending "./.". */
export function closingSentence(text: string): string {
  const t = nfc(text).trim();
  if (!t) return '';
  if (t.endsWith('./.')) return t;
  return t.replace(/[.;,]*$/, '') + './.';
}

export function buildClosingParagraph(doc: ReportDocument): Content[] {
  const text = closingSentence(doc.closing);
  if (!text) return [];
  return [{ text, alignment: 'justify', leadingIndent: FIRST_LINE_INDENT, lineHeight: LINE_HEIGHT, margin: [0, 0, 0, PARAGRAPH_AFTER] }];
}

function signatureStack(sig: SignatureBlock, width: number): Content[] {
  const lines: Content[] = sig.lines.map((l) => ({
    text: nfc(l).toUpperCase(),
    bold: true,
    fontSize: SIZE.body,
    alignment: 'center' as const,
  }));
  const room: Content[] = [];
  if (sig.signatureImage) {
    room.push({
      image: sig.signatureImage,
      fit: [SIGNATURE_IMAGE.width, SIGNATURE_IMAGE.height],
      alignment: 'center',
      margin: [0, 6, 0, 6],
    });
  } else {
    room.push({ text: '', margin: [0, SIGNATURE_SPACE, 0, 0] });
  }
  if (sig.sealImage) {
    // The red seal overlaps about a third of the signature on its left (ND 30, electronic documents).
    const sigLeft = (width - SIGNATURE_IMAGE.width) / 2;
    const x = sigLeft + SIGNATURE_IMAGE.width / 3 - SEAL_IMAGE.size;
    const y = 6 + SIGNATURE_IMAGE.height / 2 - SEAL_IMAGE.size / 2;
    room.unshift({ image: sig.sealImage, width: SEAL_IMAGE.size, height: SEAL_IMAGE.size, relativePosition: { x, y } } as Content);
  }
  const name: Content = { text: nfc(sig.name), bold: true, fontSize: SIZE.body, alignment: 'center' };
  return [...lines, ...room, name];
}

/** "Nơi nhận:" list on the left and the signature block on the right, kept on one page. */
export function buildClosingBlock(doc: ReportDocument, width: number): Content {
  const rightWidth = width * SIGNATURE_COLUMN_RATIO;
  const leftWidth = width - rightWidth;
  const left: Content[] = doc.distribution.length
    ? [
        { text: 'Nơi nhận:', bold: true, italics: true, fontSize: SIZE.distributionTitle },
        ...doc.distribution.map((l) => ({ text: nfc(l), fontSize: SIZE.distribution })),
      ]
    : [{ text: '' }];
  const right: Content[] = doc.signature ? signatureStack(doc.signature, rightWidth) : [{ text: '' }];
  return {
    unbreakable: true,
    id: SLOT_IDS.block,
    margin: [0, 6, 0, 0],
    columns: [
      { width: leftWidth, stack: left },
      { width: rightWidth, stack: right },
    ],
    columnGap: 0,
  } as Content;
}

/** Pixel size of a PNG data URL (IHDR), or null. */
function pngSize(dataUrl: string): { width: number; height: number } | null {
  const m = /^data:image\/png;base64,(.{0,64})/.exec(dataUrl);
  if (!m) return null;
  const head = Buffer.from(m[1], 'base64');
  return head.length >= 24 ? { width: head.readUInt32BE(16), height: head.readUInt32BE(20) } : null;
}

/** The height the signature room takes: the fitted image and its margins, or the blank space and its empty line. */
export function signatureRoomHeight(sig: SignatureBlock | null): number {
  const size = sig?.signatureImage ? pngSize(sig.signatureImage) : null;
  if (sig?.signatureImage) {
    const h = size ? Math.min(SIGNATURE_IMAGE.height, (SIGNATURE_IMAGE.width * size.height) / size.width) : SIGNATURE_IMAGE.height;
    return h + 12;
  }
  return SIGNATURE_SPACE + SIZE.body * TINOS_LINE;
}
