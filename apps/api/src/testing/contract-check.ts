import { OPERATIONS, errorBody, type Operation, type OperationId } from '@trinhky/contracts';
import type { z } from 'zod';

/** A response the API sent, as a test recorded it. */
export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  body: unknown;
}

const routes = (Object.entries(OPERATIONS) as [OperationId, Operation][])
  .map(([id, op]) => ({
    id,
    op,
    re: new RegExp(`^/api${op.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
    literal: !op.path.includes('{'),
  }))
  // Literal paths first: /reports/{id} must not swallow a literal sibling.
  .sort((a, b) => Number(b.literal) - Number(a.literal));

export function operationFor(method: string, url: string): { id: OperationId; op: Operation } | null {
  const path = url.split('?')[0];
  const hit = routes.find((r) => r.op.method === method.toLowerCase() && r.re.test(path));
  return hit ? { id: hit.id, op: hit.op } : null;
}

const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
        )
      : v;

/**
 * Checks a response against its operation's contract. A success must have the operation's status and
 * parse by its response schema, and parsing must keep it whole (a key the schema does not declare is
 * drift too). An error must be the contract's error body with a status the operation declares (400 and
 * 401 go with every operation). Returns what is wrong — the operation, the request and the zod issue —
 * or null.
 */
export function responseProblem(r: RecordedResponse): string | null {
  const found = operationFor(r.method, r.url);
  const where = `${r.method.toUpperCase()} ${r.url.split('?')[0]}`;
  if (!found) return `${where}: no operation in libs/contracts describes it`;
  const { id, op } = found;
  if (r.status >= 400) {
    const declared = [400, 401, ...(op.errors ?? [])];
    if (!declared.includes(r.status)) return `${id} (${where}): answered ${r.status}, the contract declares ${declared.join(', ')}`;
    const error = errorBody.safeParse(r.body);
    return error.success ? null : `${id} (${where}): the error body is not the contract's: ${issues(error.error)}`;
  }
  if (r.status !== op.status) return `${id} (${where}): answered ${r.status}, the contract says ${op.status}`;
  if (!op.response) return null;
  const parsed = op.response.safeParse(r.body);
  if (!parsed.success) return `${id} (${where}): ${issues(parsed.error)}`;
  const a = JSON.stringify(sortKeys(JSON.parse(JSON.stringify(parsed.data))));
  const b = JSON.stringify(sortKeys(r.body));
  if (a !== b) return `${id} (${where}): the response has fields the contract does not declare (${firstDifference(r.body, parsed.data)})`;
  return null;
}

const issues = (e: z.ZodError): string =>
  e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');

/** A supertest `.expect(conformsToContract)` assertion: fails the request when the response drifts from the contract. */
export function conformsToContract(res: { status: number; body: unknown; req: { method: string; path: string } }): void {
  const problem = responseProblem({ method: res.req.method, url: res.req.path, status: res.status, body: res.body });
  if (problem) throw new Error(`contract drift: ${problem}`);
}

function firstDifference(sent: unknown, kept: unknown, path = ''): string {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    for (let i = 0; i < sent.length; i++) {
      const d = firstDifference(sent[i], kept[i], `${path}[${i}]`);
      if (d) return d;
    }
    return '';
  }
  if (sent && typeof sent === 'object' && kept && typeof kept === 'object') {
    for (const k of Object.keys(sent)) {
      if (!(k in kept)) return `${path}${path ? '.' : ''}${k}`;
      const d = firstDifference(
        (sent as Record<string, unknown>)[k],
        (kept as Record<string, unknown>)[k],
        `${path}${path ? '.' : ''}${k}`,
      );
      if (d) return d;
    }
  }
  return '';
}
