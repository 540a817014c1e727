import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  certificatePem,
  issueCertificate,
  pkcs12Signer,
  readPkcs12,
  toPkcs12,
  type IssuedCertificate,
  type Signer,
  type SubjectName,
} from '@trinhky/documents';

/**
 * The key store in DATA_DIR/pki (never the database, never the repo):
 *   pki-secret            random, 0600; every PKCS#12's passphrase is HMAC(secret, file name)
 *   root.p12, issuing-ca.p12   the demo CA (created on first start)
 *   trust-list.pem        the organisation's trust list (the demo root; an agency replaces it)
 *   people/<userId>.p12, organisations/<orgId>.p12   one certificate per leader / organisation
 * An agency plugs in its own certificates by placing its PKCS#12 files under
 * SIGNING_KEYS_DIR (same names) with SIGNING_KEYS_PASSPHRASE, and its roots in TRUST_LIST.
 */
export class DemoPki {
  private readonly dir: string;
  private readonly secret: Buffer;
  private ca: Promise<{ root: IssuedCertificate; issuing: IssuedCertificate }> | null = null;
  private readonly signers = new Map<string, Promise<Signer>>();

  constructor(
    dataDir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.dir = join(dataDir, 'pki');
    mkdirSync(join(this.dir, 'people'), { recursive: true, mode: 0o700 });
    mkdirSync(join(this.dir, 'organisations'), { recursive: true, mode: 0o700 });
    const secretFile = join(this.dir, 'pki-secret');
    if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    this.secret = Buffer.from(readFileSync(secretFile, 'utf8').trim());
  }

  private passphrase(name: string): string {
    return createHmac('sha256', this.secret).update(`trinhky-pki:${name}`).digest('base64url');
  }

  private write(rel: string, bytes: Buffer | string): void {
    const file = join(this.dir, rel);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, file); // atomic: a half-written key never replaces a good one
  }

  private load(rel: string): IssuedCertificate | null {
    const file = join(this.dir, rel);
    if (!existsSync(file)) return null;
    const { keyPem, chain } = readPkcs12(readFileSync(file), this.passphrase(rel));
    return { cert: chain[0], keyPem };
  }

  /** Root → issuing CA, created once (the demo CA); one creation at a time. */
  ensureCa(): Promise<{ root: IssuedCertificate; issuing: IssuedCertificate }> {
    this.ca ??= this.createCa().catch((e: unknown) => {
      this.ca = null;
      throw e;
    });
    return this.ca;
  }

  private async createCa(): Promise<{ root: IssuedCertificate; issuing: IssuedCertificate }> {
    const org = 'Trình Ký (chứng thư số thử nghiệm)';
    let root = this.load('root.p12');
    if (!root) {
      root = await issueCertificate({ subject: { commonName: 'Trình Ký Demo Root CA', organisation: org }, ca: true });
      this.write('root.p12', toPkcs12(root.keyPem, [root.cert], this.passphrase('root.p12')));
    }
    let issuing = this.load('issuing-ca.p12');
    if (!issuing) {
      issuing = await issueCertificate({ subject: { commonName: 'Trình Ký Demo Issuing CA', organisation: org }, ca: true, issuer: root });
      this.write('issuing-ca.p12', toPkcs12(issuing.keyPem, [issuing.cert, root.cert], this.passphrase('issuing-ca.p12')));
    }
    if (!existsSync(join(this.dir, 'trust-list.pem'))) this.write('trust-list.pem', certificatePem(root.cert));
    return { root, issuing };
  }

  /** The trust list: TRUST_LIST (a PEM file of the agency's roots) or the demo root. */
  async trustList(): Promise<string[]> {
    if (!this.env['TRUST_LIST']) await this.ensureCa();
    const file = this.env['TRUST_LIST'] || join(this.dir, 'trust-list.pem');
    const pem = readFileSync(file, 'utf8');
    return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  }

  /** The signer for a person or an organisation: the agency's PKCS#12 if provided, else the demo one (issued on first use). */
  signerFor(kind: 'people' | 'organisations', id: string, subject: SubjectName): Promise<Signer> {
    const rel = `${kind}/${id}.p12`;
    let signer = this.signers.get(rel);
    if (!signer) {
      signer = this.openSigner(rel, subject);
      this.signers.set(rel, signer);
      signer.catch(() => this.signers.delete(rel));
    }
    return signer;
  }

  private async openSigner(rel: string, subject: SubjectName): Promise<Signer> {
    const external = this.env['SIGNING_KEYS_DIR'] ? join(this.env['SIGNING_KEYS_DIR'], rel) : null;
    if (external && existsSync(external)) return pkcs12Signer(readFileSync(external), this.env['SIGNING_KEYS_PASSPHRASE'] ?? '');
    const file = join(this.dir, rel);
    if (!existsSync(file)) {
      const { root, issuing } = await this.ensureCa();
      const cert = await issueCertificate({ subject, ca: false, issuer: issuing });
      this.write(rel, toPkcs12(cert.keyPem, [cert.cert, issuing.cert, root.cert], this.passphrase(rel)));
    }
    return pkcs12Signer(readFileSync(file), this.passphrase(rel));
  }
}
