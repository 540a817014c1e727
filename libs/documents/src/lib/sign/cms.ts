import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { RawSign } from './signer';

const { asn1 } = forge;
const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

type Node = forge.asn1.Asn1;
const U = asn1.Class.UNIVERSAL;
const seq = (v: Node[]): Node => asn1.create(U, asn1.Type.SEQUENCE, true, v);
const set = (v: Node[]): Node => asn1.create(U, asn1.Type.SET, true, v);
const oid = (o: string): Node => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const octets = (b: Buffer): Node => asn1.create(U, asn1.Type.OCTETSTRING, false, b.toString('binary'));
const int = (n: number): Node => asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = (): Node => asn1.create(U, asn1.Type.NULL, false, '');
const der = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');
const fromDer = (b: Buffer): Node => asn1.fromDer(b.toString('binary'));
const algo = (o: string, withNull = true): Node => seq(withNull ? [oid(o), nul()] : [oid(o)]);
const attribute = (type: string, value: Node): Node => seq([oid(type), set([value])]);

/** The issuer Name and serial (DER nodes) of a DER certificate, read structurally. */
function issuerAndSerial(certDer: Buffer): { issuer: Node; serial: Node } {
  const tbs = (fromDer(certDer).value as Node[])[0].value as Node[];
  const off = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] version
  return { serial: tbs[off], issuer: tbs[off + 2] };
}

/** The DER of the CAdES signed attributes (a SET: what is signed, RFC 5652 §5.4). */
export function signedAttributes(digest: Buffer, signerCert: Buffer): Node[] {
  const { issuer, serial } = issuerAndSerial(signerCert);
  const certHash = createHash('sha256').update(signerCert).digest();
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (omitted), certHash, issuerSerial }
  const issuerSerial = seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]);
  const signingCertificateV2 = seq([seq([seq([octets(certHash), issuerSerial])])]);
  return [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2),
  ];
}

/** A detached CMS SignedData (DER) for `digest` (SHA-256), signed by `rawSign` with the chain's first certificate. */
export async function buildCms(digest: Buffer, chain: Buffer[], rawSign: RawSign): Promise<Buffer> {
  if (digest.length !== 32) throw new Error('buildCms: a SHA-256 digest (32 bytes) expected');
  const [signerCert] = chain;
  if (!signerCert) throw new Error('buildCms: the signer certificate is missing');
  const attrs = signedAttributes(digest, signerCert);
  const signature = await rawSign(der(set(attrs))); // signed as a SET OF (tag 0x31) …
  const { issuer, serial } = issuerAndSerial(signerCert);
  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    algo(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs), // … and stored as [0] IMPLICIT
    algo(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    set([algo(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, chain.map(fromDer)),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
