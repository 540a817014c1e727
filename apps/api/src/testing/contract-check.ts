import { OPERATIONS, type Operation, type OperationId } from '@trinhky/contracts';

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
 * Checks a success response against its operation's schema: it must parse, and parsing must keep
 * it whole (a key the schema does not declare is drift too). Returns what is wrong, or null.
 */
export function responseProblem(r: RecordedResponse): string | null {
  const found = operationFor(r.method, r.url);
  if (!found) return `${r.method} ${r.url}: no operation in libs/contracts describes it`;
  const { id, op } = found;
  if (r.status >= 400) return null;
  if (r.status !== op.status) return `${id}: answered ${r.status}, the contract says ${op.status}`;
  if (!op.response) return null;
  const parsed = op.response.safeParse(r.body);
  if (!parsed.success)
    return `${id}: ${parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')} ${i.message}`)
      .join('; ')}`;
  const a = JSON.stringify(sortKeys(JSON.parse(JSON.stringify(parsed.data))));
  const b = JSON.stringify(sortKeys(r.body));
  if (a !== b) return `${id}: the response has fields the contract does not declare (${firstDifference(r.body, parsed.data)})`;
  return null;
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
