import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const generateRsa = promisify(generateKeyPair);
import forge from 'node-forge';

/** A certificate subject: Vietnamese names as UTF8String (C=VN, O, OU?, title, CN). */
export interface SubjectName {
  commonName: string;
  organisation: string;
  /** The leader's position (X.520 title), absent on an organisation's certificate. */
  title?: string;
  locality?: string;
}

export interface IssuedCertificate {
  /** DER certificate. */
  cert: Buffer;
  /** PKCS#8 PEM private key (kept in memory only; stored encrypted in a PKCS#12). */
  keyPem: string;
}

const utf8 = (type: string, value: string) => ({ type, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as number });

function attributes(s: SubjectName): forge.pki.CertificateField[] {
  const out = [{ type: '2.5.4.6', value: 'VN' }, utf8('2.5.4.10', s.organisation)];
  if (s.locality) out.push(utf8('2.5.4.7', s.locality));
  if (s.title) out.push(utf8('2.5.4.12', s.title));
  out.push(utf8('2.5.4.3', s.commonName));
  return out as forge.pki.CertificateField[];
}

export interface IssueOptions {
  subject: SubjectName;
  /** The issuer (CA) certificate and key; absent for a self-signed root. */
  issuer?: IssuedCertificate;
  ca: boolean;
  notBefore?: Date;
  notAfter?: Date;
}

/** An RSA-2048 key (node:crypto, off the event loop) and an X.509 v3 certificate (node-forge) for it. */
export async function issueCertificate(opts: IssueOptions): Promise<IssuedCertificate> {
  const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  const now = Date.now();
  cert.validity.notBefore = opts.notBefore ?? new Date(now - 24 * 3600_000);
  cert.validity.notAfter = opts.notAfter ?? new Date(now + (opts.ca ? 20 : 5) * 365 * 24 * 3600_000);
  cert.setSubject(attributes(opts.subject));
  const issuerCert = opts.issuer ? forge.pki.certificateFromAsn1(forge.asn1.fromDer(opts.issuer.cert.toString('binary'))) : null;
  // A parsed UTF8String value holds the raw bytes, and forge re-encodes on write: decode it first.
  const asIssuer = (c: forge.pki.Certificate) =>
    c.subject.attributes.map((a) =>
      (a.valueTagClass as unknown) === forge.asn1.Type.UTF8 ? { ...a, value: forge.util.decodeUtf8(a.value as string) } : a,
    );
  cert.setIssuer(issuerCert ? asIssuer(issuerCert) : attributes(opts.subject));
  cert.setExtensions([
    { name: 'basicConstraints', cA: opts.ca, critical: true },
    opts.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    ...(issuerCert ? [{ name: 'authorityKeyIdentifier', keyIdentifier: issuerCert.generateSubjectKeyIdentifier().getBytes() }] : []),
  ]);
  const signingKey = forge.pki.privateKeyFromPem(opts.issuer ? opts.issuer.keyPem : keyPem);
  cert.sign(signingKey, forge.md.sha256.create());
  return { cert: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'), keyPem };
}

/** A DER certificate as PEM (for NSS's certutil, openssl, trust lists). */
export function certificatePem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}
