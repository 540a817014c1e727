import { createPrivateKey, createSign } from 'node:crypto';
import forge from 'node-forge';
import { buildCms } from './cms';
import type { Signer } from './signer';

/**
 * node-forge derives PKCS#12 keys with its pure-JavaScript PBKDF2 whenever the digest is given as an object (as
 * its PBES2 code does), and uses Node's native one only for a digest name. The same derivation, natively: the
 * digest object is passed on as its name (forge's `algorithm`: 'sha256', 'sha1', …).
 */
type Pbkdf2 = (p: string, s: string, c: number, dkLen: number, md?: unknown, cb?: unknown) => string;
const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 };
const pureJsPbkdf2 = pkcs5.pbkdf2;
pkcs5.pbkdf2 = (p, s, c, dkLen, md, cb) => {
  const name = md && typeof md === 'object' && typeof (md as { algorithm?: unknown }).algorithm === 'string';
  return pureJsPbkdf2(p, s, c, dkLen, name ? (md as { algorithm: string }).algorithm : md, cb);
};

/** A key and its chain as a PKCS#12 (AES-256, passphrase-protected): the form keys are kept at rest. */
export function toPkcs12(keyPem: string, chain: Buffer[], passphrase: string, friendlyName?: string): Buffer {
  const certs = chain.map((d) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(d.toString('binary'))));
  const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(keyPem), certs, passphrase, {
    algorithm: 'aes256',
    ...(friendlyName ? { friendlyName } : {}),
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/** Opens a PKCS#12: its key (PEM) and its certificates, the key's own certificate first. */
export function readPkcs12(p12: Buffer, passphrase: string): { keyPem: string; chain: Buffer[] } {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  const bags = (type: string) => parsed.getBags({ bagType: type })[type] ?? [];
  const oids = forge.pki.oids;
  const keyBag = [...bags(oids['pkcs8ShroudedKeyBag']), ...bags(oids['keyBag'])][0];
  if (!keyBag?.key) throw new Error('PKCS#12 without a private key');
  const keyPem = forge.pki.privateKeyToPem(keyBag.key);
  const certs = bags(oids['certBag']).flatMap((b) => (b.cert ? [b.cert] : []));
  const modulus = (keyBag.key as forge.pki.rsa.PrivateKey).n.toString(16);
  const own = certs.filter((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.toString(16) === modulus);
  const others = certs.filter((c) => !own.includes(c));
  if (!own.length) throw new Error('PKCS#12 without the certificate of its key');
  const chain = [...own, ...others].map((c) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary'));
  return { keyPem, chain };
}

/** The local signer: a key and chain in memory (from a PKCS#12), RSA-SHA256 through node:crypto. */
export function localSigner(keyPem: string, chain: Buffer[]): Signer {
  const key = createPrivateKey(keyPem);
  return {
    certificateChain: async () => chain,
    signDigest: (digest) => buildCms(digest, chain, async (data) => createSign('sha256').update(data).sign(key)),
  };
}

export function pkcs12Signer(p12: Buffer, passphrase: string): Signer {
  const { keyPem, chain } = readPkcs12(p12, passphrase);
  return localSigner(keyPem, chain);
}
