import { hashPassword, verifyPassword } from './password';
import { signToken, verifyToken } from './token';

describe('passwords (scrypt)', () => {
  it('verifies the right password and refuses a wrong one; salts differ', async () => {
    const a = await hashPassword('demo');
    const b = await hashPassword('demo');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('demo', a)).toBe(true);
    expect(await verifyPassword('Demo', a)).toBe(false);
    expect(await verifyPassword('demo', 'plain')).toBe(false);
  });
});

describe('tokens', () => {
  const secret = 'secret-for-tests';
  it('round-trips claims and refuses tampering, another secret and expiry', () => {
    const t = signToken({ sub: 'u1', org: 'o1' }, secret, 60, Date.UTC(2026, 0, 1));
    expect(verifyToken(t, secret, Date.UTC(2026, 0, 1, 0, 0, 30))).toMatchObject({ sub: 'u1', org: 'o1' });
    expect(verifyToken(t, secret, Date.UTC(2026, 0, 1, 0, 2))).toBeNull();
    expect(verifyToken(t, 'other', Date.UTC(2026, 0, 1))).toBeNull();
    const [h, , s] = t.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'admin', org: 'o1', iat: 0, exp: 9e9 })).toString('base64url')}.${s}`;
    expect(verifyToken(forged, secret, Date.UTC(2026, 0, 1))).toBeNull();
    expect(verifyToken('garbage', secret)).toBeNull();
  });
});
