/** CPU per bearer-token verification, first sight vs already verified. Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/token-verify.ts */
import { signToken, verifyToken } from '../../apps/api/src/app/auth/token';
async function main() {
  const secret = 'x'.repeat(48);
  const N = 20000;
  const fresh = await Promise.all(Array.from({ length: N }, (_, i) => signToken({ sub: `u${i}`, org: 'o' }, secret, 3600)));
  let c = process.cpuUsage();
  let t = performance.now();
  for (const tok of fresh) await verifyToken(tok, secret); // first sight of each token: HMAC verified
  let u = process.cpuUsage(c);
  console.log(
    `uncached: ${((u.user + u.system) / N).toFixed(1)} µs CPU, ${(((performance.now() - t) * 1000) / N).toFixed(1)} µs wall per verify`,
  );
  const one = fresh[0];
  c = process.cpuUsage();
  t = performance.now();
  for (let i = 0; i < N; i++) await verifyToken(one, secret);
  u = process.cpuUsage(c);
  console.log(
    `cached:   ${((u.user + u.system) / N).toFixed(1)} µs CPU, ${(((performance.now() - t) * 1000) / N).toFixed(1)} µs wall per verify`,
  );
}
main();
