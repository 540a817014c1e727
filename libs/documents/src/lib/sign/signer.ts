/**
 * The signing port: a digest in, a CMS SignedData (DER, detached) out, plus the certificate chain.
 * A local PKCS#12 file implements it (p12-signer.ts); an agency's USB token or remote-signing
 * service implements the same two members and plugs in without touching the workflow.
 */
export interface Signer {
  /** DER certificates: the signer's first, then the issuing CA(s) up to (optionally) the root. */
  certificateChain(): Promise<Buffer[]>;
  /**
   * A detached CMS SignedData (DER) over content whose SHA-256 is `digest`: CAdES signed
   * attributes contentType, messageDigest and ESS signing-certificate-v2; no signing-time
   * (PAdES B-B puts the time in the signature dictionary's /M).
   */
  signDigest(digest: Buffer): Promise<Buffer>;
}

/** A raw signature primitive: the DER of the signed attributes in, RSA-SHA256 PKCS#1 v1.5 out. */
export type RawSign = (data: Buffer) => Promise<Buffer>;
