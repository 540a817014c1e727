import { createHash } from 'node:crypto';
import { AppearanceFonts, type AppearanceBuilder } from './appearance';
import { IncrementalUpdate, pdfDateVn, pdfTextString } from './incremental';
import { dictGet, dictSet, objectText, pageObject, refsOf } from './pdf-objects';
import type { Signer } from './signer';

type Rect = [number, number, number, number];

/** A FreeText annotation added in the same update (the register number, the issue date). */
export interface AddedAnnotation {
  /** 1-based page. */
  page: number;
  rect: Rect;
  /** Its text (/Contents: what a reader or pdf.js `getAnnotations()` reads). */
  contents: string;
  appearance: AppearanceBuilder;
}

export interface PadesOptions {
  /** The signer's name as the signature dictionary's /Name (UTF-16BE: Vietnamese survives). */
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  /** The signing time: the dictionary's /M (PAdES B-B has no CMS signing-time). */
  signingTime: Date;
  /** The signature widget: page (1-based), rectangle and drawn appearance; invisible on page 1 by default. */
  widget?: { page: number; rect: Rect; appearance?: AppearanceBuilder };
  /** Annotations written in the same incremental update, before the signature covers them. */
  annotations?: AddedAnnotation[];
}

/** Room for the CMS in /Contents (bytes): three RSA-2048 certificates and the signature fit easily. */
const SIGNATURE_LENGTH = 8192;
const BYTE_RANGE_WIDTH = 40;

function formXObject(
  update: IncrementalUpdate,
  fonts: AppearanceFonts,
  fontNums: Map<string, number>,
  build: AppearanceBuilder,
  rect: Rect,
): () => number {
  const width = Math.abs(rect[2] - rect[0]);
  const height = Math.abs(rect[3] - rect[1]);
  const ap = build(fonts, width, height); // shows its text now: the font subsets must know it before they are written
  const num = update.alloc();
  return () => {
    const fontRefs = fonts
      .all()
      .map((f) => `/${f.resourceName} ${fontNums.get(f.resourceName)} 0 R`)
      .join(' ');
    const images = (ap.images ?? []).map(({ name, image }) => {
      const common = `/Type /XObject\n/Subtype /Image\n/Width ${image.width}\n/Height ${image.height}\n/BitsPerComponent 8\n`;
      const mask = image.alpha ? update.add({ dict: `<<\n${common}/ColorSpace /DeviceGray\n>>`, stream: image.alpha }) : null;
      const img = update.add({
        dict: `<<\n${common}/ColorSpace /DeviceRGB\n${mask !== null ? `/SMask ${mask} 0 R\n` : ''}>>`,
        stream: image.rgb,
      });
      return `/${name} ${img} 0 R`;
    });
    const xobjects = images.length ? ` /XObject << ${images.join(' ')} >>` : '';
    update.put(num, {
      dict: `<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${ap.width.toFixed(2)} ${ap.height.toFixed(2)}]\n/Resources << /Font << ${fontRefs} >>${xobjects} >>\n>>`,
      stream: Buffer.from(ap.ops, 'latin1'),
    });
    return num;
  };
}

/** The page's /Annots refs, whether inline or an indirect array. */
function annotsOf(pdfBuf: Buffer, update: IncrementalUpdate, pageDict: string): number[] {
  const v = dictGet(pageDict, 'Annots');
  if (!v) return [];
  if (v.startsWith('[')) return refsOf(v);
  const ref = refsOf(v)[0];
  return ref === undefined ? [] : refsOf(objectText(pdfBuf, update.rev, ref));
}

/**
 * Signs a PDF as PAdES baseline B-B (/SubFilter /ETSI.CAdES.detached) in an incremental update:
 * the input bytes are kept as they are (an earlier signature stays valid, covering its revision).
 * The update may also carry annotations (FreeText with appearance streams) the signature covers.
 */
export async function signPdfPades(pdf: Buffer, signer: Signer, opts: PadesOptions): Promise<Buffer> {
  const update = new IncrementalUpdate(pdf);
  const fonts = new AppearanceFonts();
  const fontNums = new Map<string, number>();
  const catalog = objectText(pdf, update.rev, update.rev.root);
  const widget = opts.widget ?? { page: 1, rect: [0, 0, 0, 0] as Rect };
  const pages = new Map<number, number[]>(); // page object → the annotations added to it
  const pageNum = (p: number) => pageObject(pdf, update.rev, p - 1);
  const addTo = (page: number, annot: number) => {
    const num = pageNum(page);
    pages.set(num, [...(pages.get(num) ?? []), annot]);
  };

  const writers: (() => void)[] = [];
  for (const a of opts.annotations ?? []) {
    const xobject = formXObject(update, fonts, fontNums, a.appearance, a.rect);
    const annot = update.alloc();
    const page = pageNum(a.page);
    writers.push(() =>
      update.put(
        annot,
        `<<\n/Type /Annot\n/Subtype /FreeText\n/Rect [${a.rect.map((v) => v.toFixed(2)).join(' ')}]\n/Contents ${pdfTextString(a.contents)}\n` +
          `/DA (/Helv 12 Tf 0 g)\n/F 4\n/P ${page} 0 R\n/M (${pdfDateVn(opts.signingTime)})\n/AP << /N ${xobject()} 0 R >>\n>>`,
      ),
    );
    addTo(a.page, annot);
  }

  const sigWidget = widget.appearance ? formXObject(update, fonts, fontNums, widget.appearance, widget.rect) : null;
  for (const f of fonts.all()) fontNums.set(f.resourceName, f.write(update));
  for (const w of writers) w();

  // The signature value and its widget (a merged field/widget, as Acrobat writes them).
  const acroRef = refsOf(dictGet(catalog, 'AcroForm'))[0];
  const acroInline = dictGet(catalog, 'AcroForm');
  const acroDict = acroRef !== undefined ? objectText(pdf, update.rev, acroRef) : acroInline?.startsWith('<<') ? acroInline : '<<\n>>';
  const fields = refsOf(dictGet(acroDict, 'Fields'));
  const sig = update.add(
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange [0 ${' '.repeat(BYTE_RANGE_WIDTH)}]\n` +
      `/Contents <${'0'.repeat(SIGNATURE_LENGTH * 2)}>\n/M (${pdfDateVn(opts.signingTime)})\n/Name ${pdfTextString(opts.name)}\n` +
      `/Reason ${pdfTextString(opts.reason)}\n/Location ${pdfTextString(opts.location)}\n` +
      (opts.contactInfo ? `/ContactInfo ${pdfTextString(opts.contactInfo)}\n` : '') +
      `/Prop_Build << /App << /Name /Trinh-Ky >> >>\n>>`,
  );
  const widgetNum = update.alloc();
  const widgetPage = pageNum(widget.page);
  update.put(
    widgetNum,
    `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/Rect [${widget.rect.map((v) => v.toFixed(2)).join(' ')}]\n/V ${sig} 0 R\n` +
      `/T ${pdfTextString(`Chữ ký ${fields.length + 1}`)}\n/F 132\n/P ${widgetPage} 0 R\n` +
      (sigWidget ? `/AP << /N ${sigWidget()} 0 R >>\n` : '') +
      '>>',
  );
  addTo(widget.page, widgetNum);

  for (const [num, added] of pages) {
    const dict = objectText(pdf, update.rev, num);
    const annots = [...annotsOf(pdf, update, dict), ...added];
    update.put(num, dictSet(dict, 'Annots', `[${annots.map((a) => `${a} 0 R`).join(' ')}]`));
  }
  const newAcro = dictSet(dictSet(acroDict, 'Fields', `[${[...fields, widgetNum].map((a) => `${a} 0 R`).join(' ')}]`), 'SigFlags', '3');
  if (acroRef !== undefined) update.put(acroRef, newAcro);
  else update.put(update.rev.root, dictSet(catalog, 'AcroForm', `${update.add(newAcro)} 0 R`));

  const { pdf: out, offsets } = update.build();
  return fillSignature(out, offsets.get(sig) as number, signer);
}

/** Writes /ByteRange around /Contents, hashes the two ranges (no copy) and writes the CMS in. */
async function fillSignature(pdf: Buffer, sigAt: number, signer: Signer): Promise<Buffer> {
  const brAt = pdf.indexOf('/ByteRange [0 ', sigAt, 'latin1') + '/ByteRange [0 '.length;
  const contentsAt = pdf.indexOf('/Contents <', sigAt, 'latin1') + '/Contents '.length;
  const gapEnd = contentsAt + SIGNATURE_LENGTH * 2 + 2;
  const range = `${contentsAt} ${gapEnd} ${pdf.length - gapEnd}`.padEnd(BYTE_RANGE_WIDTH, ' ');
  pdf.write(range, brAt, 'latin1');
  const digest = createHash('sha256').update(pdf.subarray(0, contentsAt)).update(pdf.subarray(gapEnd)).digest();
  const cms = await signer.signDigest(digest);
  if (cms.length > SIGNATURE_LENGTH) throw new Error(`CMS (${cms.length} bytes) larger than the room reserved (${SIGNATURE_LENGTH})`);
  pdf.write(cms.toString('hex'), contentsAt + 1, 'latin1');
  return pdf;
}
