import { createHash } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { Signer } from './signer';

export interface PadesOptions {
  /** The signer's name as the signature dictionary's /Name. */
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  /** The signing time: the dictionary's /M (PAdES B-B has no CMS signing-time). */
  signingTime: Date;
  /** The widget rectangle [x1, y1, x2, y2] on the first page; [0,0,0,0] (invisible) by default. */
  widgetRect?: [number, number, number, number];
}

/** Adapts the port to @signpdf's signer: hash the byte ranges, ask the port for the CMS. */
class PortSigner extends SignPdfSigner {
  constructor(private readonly port: Signer) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return this.port.signDigest(createHash('sha256').update(pdfBuffer).digest());
  }
}

/**
 * @signpdf 3.3.0 writes the dictionary's UTF-16 strings through Buffer.from(…, 'utf8'), which
 * mangles any non-ASCII text; so a Vietnamese /Name, /Reason or /Location is left empty (the
 * signer's name, position and organisation are in the certificate, which viewers show).
 */
function pdfText(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : '';
}

/** Room for the CMS in /Contents (bytes): three RSA-2048 certificates and the signature fit easily. */
const SIGNATURE_LENGTH = 8192;

/**
 * Signs a PDF as PAdES baseline B-B (/SubFilter /ETSI.CAdES.detached) in an incremental update:
 * the input bytes are kept as they are (a second call keeps the first signature valid).
 */
export async function signPdfPades(pdf: Buffer, signer: Signer, opts: PadesOptions): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: pdfText(opts.reason),
    contactInfo: pdfText(opts.contactInfo ?? ''),
    name: pdfText(opts.name),
    location: pdfText(opts.location),
    signingTime: opts.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: opts.widgetRect ?? [0, 0, 0, 0],
    appName: 'Trinh-Ky',
  });
  return new SignPdf().sign(withPlaceholder, new PortSigner(signer));
}
