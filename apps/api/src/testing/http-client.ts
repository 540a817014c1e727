import type { Client } from './lifecycle';
import type { TestApp } from './test-app';

/** The lifecycle driver's client, pointed at a test app listening on a random port. */
export async function lifecycleClient(t: TestApp, users: string[]): Promise<Client> {
  await t.app.listen(0, '127.0.0.1');
  const addr = t.app.getHttpServer().address() as { port: number };
  const tokens: Record<string, string> = {};
  for (const u of users) tokens[u] = await t.login(u);
  return { base: `http://127.0.0.1:${addr.port}`, tokens };
}
