/**
 * A detached CMS signature carried inside an edXML message (docs/edxml.md, "Chữ ký số của gói tin").
 *
 * XML-DSig (enveloped, exclusive canonicalisation) is what an XML exchange would normally use, but no
 * canonicaliser is installed in this workspace (no xml-crypto, no xmldsigjs), and writing one is a
 * standard of its own. So the message is signed the way PAdES signs a PDF: over its exact bytes, with a
 * gap for the signature. The signature element is the last child of the document element:
 *
 *   …</SOAP-ENV:Body><tk:CmsSignature xmlns:tk="urn:trinhky:edxml:cms-detached:1">BASE64</tk:CmsSignature></SOAP-ENV:Envelope>
 *
 * The signed content is the file's bytes with that element (from its `<` to the `>` of its end tag)
 * removed: exactly the message as it was before signing. The CMS is the project's CAdES SignedData
 * (detached; contentType, messageDigest = SHA-256 of the content, ESS signing-certificate-v2), made by
 * the same Signer port as the PDF signatures, with the signer's chain in its certificates.
 * No canonicalisation: a relay that re-serialises the XML (re-indents, changes quotes or the encoding)
 * breaks the signature, as re-saving a PDF breaks a PAdES signature.
 */
import { createHash, createVerify, X509Certificate } from 'node:crypto';
import { buildChain, field, parseCms, signerCertificate, type ParsedCms } from '../sign/verify';
import type { Signer } from '../sign/signer';
import { EdxmlError, parseXml } from './xml';

export const EDXML_SIGNATURE_NS = 'urn:trinhky:edxml:cms-detached:1';
const LOCAL = 'CmsSignature';

export type EdxmlSignatureStatus = 'valid' | 'unsigned' | 'malformed' | 'broken' | 'untrusted' | 'expired';

export interface EdxmlSignatureCheck {
  status: EdxmlSignatureStatus;
  /** What a user reads (Vietnamese). */
  message: string;
  signer: { commonName: string; organisation?: string; title?: string; subject: string } | null;
  /** Subjects' common names, signer first, up to the trust anchor when trusted. */
  chain: string[];
  /** The SHA-256 of the signed content equals the CMS messageDigest and the RSA signature verifies. */
  intact: boolean;
  trusted: boolean;
  /** Every certificate of the chain is valid at the time checked. */
  certificateValid: boolean;
}

const ROOT_END = /<\/[^<>]+>\s*$/;

/** Signs an edXML text (an envelope or a status message): the signature element goes before the root's end tag. */
export async function signEdxml(xml: string, signer: Signer): Promise<string> {
  const end = ROOT_END.exec(xml);
  if (!end) throw new EdxmlError('Không ký được: tệp edXML không kết thúc bằng thẻ đóng của phần tử gốc.');
  const digest = createHash('sha256').update(Buffer.from(xml, 'utf8')).digest();
  const cms = await signer.signDigest(digest);
  const element = `<tk:${LOCAL} xmlns:tk="${EDXML_SIGNATURE_NS}">${cms.toString('base64')}</tk:${LOCAL}>`;
  return xml.slice(0, end.index) + element + xml.slice(end.index);
}

/** The signature element at its place (last child of the root, then the root's end tag), in the bytes as received. */
const AT_END = new RegExp(`<([A-Za-z_][\\w.-]*:)?${LOCAL}\\b[^<>]*>([A-Za-z0-9+/=\\s]*)</\\1${LOCAL}\\s*>(?=\\s*</[^<>]+>\\s*$)`);

/** The signed content and the CMS of a message, `null` when it carries no signature; malformed → EdxmlError. */
export function readEdxmlSignature(bytes: Buffer): { content: Buffer; cms: Buffer } | null {
  const text = bytes.toString('latin1'); // one char per byte: offsets are byte offsets; the markup is ASCII
  const root = parseXml(bytes.toString('utf8')).documentElement as Element;
  const found: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const e = stack.pop() as Element;
    if (e.localName === LOCAL && e.namespaceURI === EDXML_SIGNATURE_NS) found.push(e);
    for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) stack.push(n as Element);
  }
  if (!found.length) return null;
  let last = root.lastChild;
  while (last && last.nodeType !== 1) last = last.previousSibling;
  const m = AT_END.exec(text);
  if (found.length > 1 || last !== found[0] || !m)
    throw new EdxmlError(
      `Chữ ký số của thông điệp phải là một phần tử ${LOCAL} duy nhất (không gian tên ${EDXML_SIGNATURE_NS}), phần tử con cuối cùng của phần tử gốc.`,
    );
  const content = Buffer.concat([bytes.subarray(0, m.index), bytes.subarray(m.index + m[0].length)]);
  return { content, cms: Buffer.from(m[2].replace(/\s/g, ''), 'base64') };
}

const result = (status: EdxmlSignatureStatus, message: string, rest: Partial<EdxmlSignatureCheck> = {}): EdxmlSignatureCheck => ({
  status,
  message,
  signer: null,
  chain: [],
  intact: false,
  trusted: false,
  certificateValid: false,
  ...rest,
});

/** dd/mm/yyyy in Vietnam's time. */
const vnDate = (d: string): string => {
  const t = new Date(new Date(d).getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
};

/**
 * Checks a message's signature against a trust list (the organisation's roots, PEM or DER) at `at`
 * (the time of receipt: a status message carries no trusted time of its own).
 */
export function verifyEdxmlSignature(bytes: Buffer, trustList: Array<Buffer | string>, at = new Date()): EdxmlSignatureCheck {
  let found: { content: Buffer; cms: Buffer } | null;
  try {
    found = readEdxmlSignature(bytes);
  } catch (err) {
    if (err instanceof EdxmlError) return result('malformed', err.message);
    throw err;
  }
  if (!found) return result('unsigned', 'Thông điệp edXML chưa được ký số.');
  let cms: ParsedCms;
  try {
    cms = parseCms(found.cms);
  } catch {
    return result('malformed', 'Chữ ký số của thông điệp edXML hỏng: không đọc được dữ liệu ký (CMS).');
  }
  const leaf = signerCertificate(cms);
  if (!leaf) return result('malformed', 'Chữ ký số của thông điệp edXML không kèm chứng thư số của người ký.');
  const digest = createHash('sha256').update(found.content).digest();
  const intact =
    !!cms.messageDigest?.equals(digest) && createVerify('sha256').update(cms.signedAttrs).verify(leaf.publicKey, cms.signature);
  const { chain, trusted } = buildChain(
    leaf,
    cms.certs,
    trustList.map((t) => new X509Certificate(t)),
  );
  const certificateValid = chain.every((x) => new Date(x.validFrom) <= at && at <= new Date(x.validTo));
  const subject = leaf.subject;
  const signer = { commonName: field(subject, 'CN') ?? '', organisation: field(subject, 'O'), title: field(subject, 'title'), subject };
  const who = signer.commonName || 'người ký';
  const rest = { signer, chain: chain.map((x) => field(x.subject, 'CN') ?? x.subject), intact, trusted, certificateValid };
  if (!intact) return result('broken', `Chữ ký số của ${who} không khớp với nội dung: thông điệp đã bị thay đổi sau khi ký.`, rest);
  if (!trusted)
    return result(
      'untrusted',
      `Chứng thư số của ${who} không thuộc danh sách tin cậy của cơ quan (không dẫn tới chứng thư gốc nào được tin cậy).`,
      rest,
    );
  if (!certificateValid) {
    const bad = chain.find((x) => !(new Date(x.validFrom) <= at && at <= new Date(x.validTo))) ?? leaf;
    return result(
      'expired',
      `Chứng thư số ${field(bad.subject, 'CN') ?? ''} đã hết hạn hoặc chưa có hiệu lực (hiệu lực từ ${vnDate(bad.validFrom)} đến ${vnDate(bad.validTo)}).`,
      rest,
    );
  }
  return result('valid', `Chữ ký số của ${who} hợp lệ, chứng thư thuộc danh sách tin cậy.`, rest);
}
