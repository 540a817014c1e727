import { SignJWT, jwtVerify } from 'jose';

/** The claims of a bearer token (JWT, HS256, signed and verified by `jose`). */
export interface TokenClaims {
  sub: string;
  org: string;
  iat: number;
  exp: number;
}

const ALG = 'HS256';
const keys = new Map<string, Promise<CryptoKey>>();
/** The HMAC key, imported once per secret (importing it on every request cost more than verifying). */
function keyOf(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    if (keys.size < 8) keys.set(secret, key);
  }
  return key;
}

export async function signToken(
  claims: Omit<TokenClaims, 'iat' | 'exp'>,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ org: claims.org })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(await keyOf(secret));
}

/**
 * Tokens already verified, by secret and exact text → their claims. A client sends the same token on
 * every request; the HMAC verification (WebCrypto, a thread-pool round trip) is done once per token,
 * and a hit only re-checks the expiry. A different text (one forged bit) is never a hit. Bounded:
 * emptied when full.
 */
const verified = new Map<string, TokenClaims>();
const VERIFIED_MAX = 4096;

/**
 * The claims of a valid, unexpired HS256 token signed with `secret`; null otherwise (bad signature,
 * another algorithm — `none` included —, expired, malformed, or claims of the wrong shape).
 */
export async function verifyToken(token: string, secret: string, now = Date.now()): Promise<TokenClaims | null> {
  const cacheKey = `${secret.length}:${secret}:${token}`;
  const known = verified.get(cacheKey);
  // jose's expiry rule: expired once exp <= now (in whole seconds).
  if (known) return known.exp > Math.floor(now / 1000) ? known : null;
  const claims = await verifyUncached(token, secret, now);
  if (claims) {
    if (verified.size >= VERIFIED_MAX) verified.clear();
    verified.set(cacheKey, claims);
  }
  return claims;
}

async function verifyUncached(token: string, secret: string, now: number): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: [ALG],
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const { sub, org, iat, exp } = payload;
    if (typeof sub !== 'string' || typeof org !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') return null;
    return { sub, org, iat, exp };
  } catch {
    return null;
  }
}
