import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret that keys the audit log (an HMAC over each entry's hash and each anchor's hash). The
 * database never holds it: it comes from env `AUDIT_KEY`, or from `DATA_DIR/audit-key`, generated
 * once (like `auth-secret`). Never logged. Losing it makes existing entries unverifiable (not
 * tampered): see docs/notes/audit.md.
 */
export type Purpose = 'entry' | 'anchor' | 'witness' | 'key' | 'incoming';
export type SealCheck = 'ok' | 'missing' | 'other-key' | 'bad';

export class AuditKey {
  private print: string | undefined;

  private constructor(private readonly secret: Buffer) {}

  static of(secret: string | Buffer): AuditKey {
    const b = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    if (b.length < 16) throw new Error('AUDIT_KEY is too short (at least 16 bytes)');
    return new AuditKey(b);
  }

  /** From `AUDIT_KEY`, else the key file of `dataDir` (created with mode 0600 if absent). */
  static load(dataDir: string, env: NodeJS.ProcessEnv = process.env): AuditKey {
    if (env['AUDIT_KEY']) return AuditKey.of(env['AUDIT_KEY']);
    const file = join(dataDir, 'audit-key');
    if (existsSync(file)) return AuditKey.of(readFileSync(file, 'utf8').trim());
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another instance created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return AuditKey.of(readFileSync(file, 'utf8').trim());
    }
    return AuditKey.of(secret);
  }

  /** HMAC-SHA-256 (hex) of `data` under the key, with a purpose prefix so an entry MAC is never an anchor MAC. */
  mac(purpose: Purpose, data: string): string {
    return createHmac('sha256', this.secret).update(`trinh-ky:${purpose}:`).update(data).digest('hex');
  }

  /** The stored form: `<key fingerprint>.<hmac>`, so a MAC made with another key is told apart. */
  seal(purpose: Purpose, data: string): string {
    return `${this.fingerprint()}.${this.mac(purpose, data)}`;
  }

  /** Checks a stored seal: 'ok', 'missing', 'other-key' (made with a key we do not have) or 'bad'. */
  check(purpose: Purpose, data: string, seal: string | null | undefined): SealCheck {
    if (!seal) return 'missing';
    const m = /^([0-9a-f]{12})\.([0-9a-f]{64})$/.exec(seal);
    if (!m) return 'bad';
    if (m[1] !== this.fingerprint()) return 'other-key';
    return timingSafeEqual(Buffer.from(this.mac(purpose, data), 'hex'), Buffer.from(m[2], 'hex')) ? 'ok' : 'bad';
  }

  /** A short public fingerprint of the key (to tell which key sealed what, without revealing it). */
  fingerprint(): string {
    return (this.print ??= this.mac('key', 'fingerprint').slice(0, 12));
  }

  toJSON(): string {
    return '[audit key]';
  }
}
