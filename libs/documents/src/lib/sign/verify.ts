import { createHash, createVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

export type SignatureStatus = 'valid' | 'broken' | 'untrusted' | 'expired';

export interface SignatureReport {
  /** 1-based, in file order. */
  index: number;
  status: SignatureStatus;
  /** What a user reads (Vietnamese). */
  message: string;
  signer: { commonName: string; title?: string; organisation?: string; subject: string };
  /** The chain as built, signer first: subjects; `trusted` when it ends at a trust-list certificate. */
  chain: string[];
  trusted: boolean;
  /** ISO time from the signature dictionary's /M. */
  signingTime: string | null;
  subFilter: string | null;
  /** Whether the byte ranges' digest equals the CMS messageDigest and the signature verifies. */
  intact: boolean;
  /** Covers the whole file (the last revision), or an earlier revision followed by updates. */
  coversWholeFile: boolean;
  /** Bytes appended after the revision this signature covers (0 when it covers the whole file). */
  bytesAfter: number;
  certificateValidAtSigningTime: boolean;
}

export interface PdfVerification {
  signatures: SignatureReport[];
  /** Every signature intact and trusted. */
  valid: boolean;
}

const childrenOf = (n: Node): Node[] => (Array.isArray(n.value) ? n.value : []);
const bytesOf = (n: Node): Buffer => Buffer.from(n.value as string, 'binary');
const derOf = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');

/** D:YYYYMMDDHHmmSS(Z|+HH'mm') → ISO. */
function pdfDate(s: string | undefined): string | null {
  const m = s?.match(/D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/);
  if (!m) return null;
  const tz = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${tz}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

interface RawSignature {
  byteRange: [number, number, number, number];
  contents: Buffer;
  dict: string;
}

/** Every signature dictionary with a /ByteRange and /Contents (the PDF's own text, read as latin1). */
export function findSignatures(pdf: Buffer): RawSignature[] {
  const text = pdf.toString('latin1');
  const out: RawSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const byteRange = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const hexStart = byteRange[1];
    if (text[hexStart] !== '<' || text[byteRange[2] - 1] !== '>') continue; // the gap must be exactly /Contents <…>
    const contents = Buffer.from(text.slice(hexStart + 1, byteRange[2] - 1).replace(/\s/g, ''), 'hex');
    const dictStart = text.lastIndexOf('obj', hexStart);
    const dictEnd = text.indexOf('endobj', byteRange[2]);
    out.push({ byteRange, contents, dict: text.slice(dictStart, hexStart) + text.slice(byteRange[2], dictEnd) });
  }
  return out;
}

export interface ParsedCms {
  certs: X509Certificate[];
  signedAttrs: Buffer;
  messageDigest: Buffer | null;
  signature: Buffer;
  signerSerial: string;
}

/** The parts of a detached CMS SignedData a verifier needs (the first DER value of `contents`). */
export function parseCms(contents: Buffer): ParsedCms {
  // The hex is zero-padded to the placeholder's size: parse the first DER value only.
  const ci = (asn1.fromDer as unknown as (b: string, o: { parseAllBytes: boolean }) => Node)(contents.toString('binary'), {
    parseAllBytes: false,
  });
  const sd = childrenOf(childrenOf(childrenOf(ci)[1])[0]);
  const certsNode = sd.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const certs = certsNode ? childrenOf(certsNode).map((c) => new X509Certificate(derOf(c))) : [];
  const signerInfo = childrenOf(childrenOf(sd[sd.length - 1])[0]);
  const signerSerial = bytesOf(childrenOf(signerInfo[1])[1]).toString('hex');
  const attrsNode = signerInfo.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  if (!attrsNode) throw new Error('no signed attributes');
  const signedAttrs = derOf(attrsNode);
  signedAttrs[0] = 0x31; // [0] IMPLICIT → SET OF, as signed
  let messageDigest: Buffer | null = null;
  for (const attr of childrenOf(attrsNode)) {
    const [type, values] = childrenOf(attr);
    if (asn1.derToOid(forge.util.createBuffer(type.value as string)) === '1.2.840.113549.1.9.4')
      messageDigest = bytesOf(childrenOf(values)[0]);
  }
  const signature = bytesOf(
    signerInfo[signerInfo.length - 1].tagClass === asn1.Class.CONTEXT_SPECIFIC
      ? signerInfo[signerInfo.length - 2]
      : signerInfo[signerInfo.length - 1],
  );
  return { certs, signedAttrs, messageDigest, signature, signerSerial };
}

/** The certificate the SignerInfo names (by serial), else the first one carried. */
export const signerCertificate = (cms: ParsedCms): X509Certificate | undefined =>
  cms.certs.find((x) => serialHex(x) === cms.signerSerial.replace(/^0+/, '')) ?? cms.certs[0];

const serialHex = (c: X509Certificate): string => c.serialNumber.toLowerCase().replace(/^0+/, '');

/** Builds signer → … → a trust-list certificate (each link's signature checked). */
export function buildChain(
  leaf: X509Certificate,
  pool: X509Certificate[],
  trustList: X509Certificate[],
): { chain: X509Certificate[]; trusted: boolean } {
  const chain = [leaf];
  for (let cur = leaf; chain.length < 8;) {
    const anchor = trustList.find((t) => cur.checkIssued(t) && cur.verify(t.publicKey));
    if (anchor) {
      if (anchor.fingerprint256 !== cur.fingerprint256) chain.push(anchor);
      return { chain, trusted: true };
    }
    const next = pool.find((p) => p.fingerprint256 !== cur.fingerprint256 && cur.checkIssued(p) && cur.verify(p.publicKey));
    if (!next) return { chain, trusted: false };
    chain.push(next);
    cur = next;
  }
  return { chain, trusted: false };
}

export const field = (subject: string, key: string): string | undefined =>
  subject
    .split('\n')
    .find((l) => l.startsWith(`${key}=`))
    ?.slice(key.length + 1);

/** Verifies every signature of a PDF against a trust list (DER or PEM certificates: the organisation's roots). */
export function verifyPdf(pdf: Buffer, trustList: Array<Buffer | string>): PdfVerification {
  const anchors = trustList.map((t) => new X509Certificate(t));
  const signatures = findSignatures(pdf).map((raw, i): SignatureReport => {
    const [a, b, c, d] = raw.byteRange;
    const end = c + d;
    const signingTime = pdfDate(raw.dict.match(/\/M\s*\(([^)]*)\)/)?.[1]);
    const subFilter = raw.dict.match(/\/SubFilter\s*\/([A-Za-z0-9.]+)/)?.[1] ?? null;
    const base = {
      index: i + 1,
      signingTime,
      subFilter,
      coversWholeFile: end === pdf.length && a === 0,
      bytesAfter: Math.max(0, pdf.length - end),
    };
    const empty = { commonName: '', subject: '' };
    let cms: ParsedCms;
    try {
      cms = parseCms(raw.contents);
    } catch {
      return {
        ...base,
        status: 'broken',
        message: `Chữ ký số thứ ${i + 1} hỏng: không đọc được dữ liệu ký (CMS).`,
        signer: empty,
        chain: [],
        trusted: false,
        intact: false,
        certificateValidAtSigningTime: false,
      };
    }
    const leaf = signerCertificate(cms);
    const digest = createHash('sha256')
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, end))
      .digest();
    const intact =
      !!leaf &&
      end <= pdf.length &&
      !!cms.messageDigest?.equals(digest) &&
      createVerify('sha256').update(cms.signedAttrs).verify(leaf.publicKey, cms.signature);
    const { chain, trusted } = leaf ? buildChain(leaf, cms.certs, anchors) : { chain: [], trusted: false };
    const at = signingTime ? new Date(signingTime) : new Date();
    const inValidity = (x: X509Certificate) => new Date(x.validFrom) <= at && at <= new Date(x.validTo);
    const certificateValidAtSigningTime = chain.length > 0 && chain.every(inValidity);
    const subject = leaf?.subject ?? '';
    const signer = { commonName: field(subject, 'CN') ?? '', title: field(subject, 'title'), organisation: field(subject, 'O'), subject };
    const who = signer.commonName || `thứ ${i + 1}`;
    const [status, message]: [SignatureStatus, string] = !intact
      ? ['broken', `Chữ ký số của ${who} không còn hợp lệ: nội dung tệp đã bị thay đổi sau khi ký.`]
      : !trusted
        ? ['untrusted', `Chữ ký số của ${who} còn nguyên vẹn nhưng chứng thư số không thuộc danh sách tin cậy của cơ quan.`]
        : !certificateValidAtSigningTime
          ? ['expired', `Chữ ký số của ${who}: chứng thư số đã hết hạn hoặc chưa có hiệu lực vào thời điểm ký.`]
          : [
              'valid',
              `Chữ ký số của ${who} hợp lệ${base.coversWholeFile ? ', bao trùm toàn bộ tệp' : ', cho một phiên bản trước của tệp (có cập nhật sau khi ký)'}.`,
            ];
    return {
      ...base,
      status,
      message,
      signer,
      chain: chain.map((x) => field(x.subject, 'CN') ?? x.subject),
      trusted,
      intact,
      certificateValidAtSigningTime,
    };
  });
  return { signatures, valid: signatures.length > 0 && signatures.every((s) => s.status === 'valid') };
}
