import { responseProblem, type RecordedResponse } from './contract-check';
import type { Client } from './lifecycle';
import type { TestApp } from './test-app';

/**
 * The lifecycle driver's client, pointed at a test app listening on a random port. With
 * `checkContract`, every response it receives is checked against its operation's contract
 * (`responseProblem`): a drift fails the call with the operation, the path and the zod issue.
 */
export async function lifecycleClient(t: TestApp, users: string[], opts: { checkContract?: boolean } = {}): Promise<Client> {
  await t.app.listen(0, '127.0.0.1');
  const addr = t.app.getHttpServer().address() as { port: number };
  const tokens: Record<string, string> = {};
  for (const u of users) tokens[u] = await t.login(u);
  const observe = (r: RecordedResponse): void => {
    const problem = responseProblem(r);
    if (problem) throw new Error(`contract drift: ${problem}`);
  };
  return { base: `http://127.0.0.1:${addr.port}`, tokens, ...(opts.checkContract ? { observe } : {}) };
}
