import { OPERATIONS, parseInput, problemText, type Operation } from '@trinhky/contracts';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { startTestApp, type TestApp } from './test-app';

/**
 * The contract and the running API describe the same routes: every route the Express app behind Nest
 * has (its router stack, as the server dispatches) is exactly one operation of libs/contracts with the
 * same method and path, and every operation is a route. And every operation with a body or a query
 * has its contract pipe in place: a value its schema refuses is answered 400 with the contract's own
 * message and field, before anything else happens.
 */

/** Routes outside the contract on purpose, each with its reason. */
const NOT_OPERATIONS: [RegExp, string][] = [
  [/^get \/metrics$/, 'Prometheus text for the operator, behind METRICS_TOKEN (observability.ts), not part of the API'],
  [/^get \/docs(\/.*)?$/, 'Swagger UI (its page and assets) over the contract itself'],
  [/^get \/docs-(json|yaml)$/, 'the OpenAPI document of the contract'],
];
const outsideContract = (route: string): boolean => NOT_OPERATIONS.some(([re]) => re.test(route));

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** "get /reports/{id}/events" for each route of the router (Express path syntax → OpenAPI's). */
function registeredRoutes(t: TestApp): string[] {
  const app = t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  return app.router.stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m] && m !== '_all');
    return paths.flatMap((p) => methods.map((m) => `${m} ${p.replace(/^\/api(?=\/|$)/, '').replace(/:(\w+)/g, '{$1}') || '/'}`));
  });
}

const keyOf = (op: Operation): string => `${op.method} ${op.path}`;

/** The first value of `candidates` the schema refuses, with the problem the contract words for it. */
function refused(schema: z.ZodType, candidates: unknown[]): { value: unknown; field: string; message: string } | null {
  for (const value of candidates) {
    const r = parseInput(schema, value);
    if (!r.ok) return { value, field: r.problem.field, message: problemText(r.problem) };
  }
  return null;
}

/** Queries a schema refuses: per key, values a query string can carry that break a bound, a format or an enum. */
function queryCandidates(query: z.ZodObject): Record<string, string>[] {
  // Kept under the input pipeline's own bound of a query value (4 000 characters, common/input.ts), which answers first.
  const bad = ['zz-khong-hop-le', '-1', '0', '99999999999', '2199-02-31', 'x'.repeat(201), 'x'.repeat(401), 'x'.repeat(1_001)];
  return [{ zzUnknown: '1' }, ...Object.keys(query.shape).flatMap((k) => bad.map((v) => ({ [k]: v })))];
}

describe('routes: the contract and the registered routes are the same set', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['admin', 'vhxh.truong']) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('every registered route is exactly one operation and every operation is a registered route', () => {
    const routes = registeredRoutes(t).filter((r) => !outsideContract(r));
    const ops = Object.values(OPERATIONS).map(keyOf);
    const count = (list: string[], k: string) => list.filter((x) => x === k).length;
    expect(routes.filter((r) => count(routes, r) > 1)).toEqual([]); // a route registered twice
    expect(ops.filter((o) => count(ops, o) > 1)).toEqual([]); // an operation declared twice
    expect(routes.filter((r) => !ops.includes(r))).toEqual([]); // a route the contract does not describe
    expect(ops.filter((o) => !routes.includes(o))).toEqual([]); // an operation with no route
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  /** Sends a request to the operation, as a user whose guards let it reach the pipes. */
  const send = (op: Operation, opts: { query?: Record<string, string>; json?: unknown; text?: string }) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'reportKind' ? 'CCHC' : randomUUID()));
    const req = t.http()[op.method](`/api${path}`);
    if (!op.public) req.set('Authorization', `Bearer ${tokens[op.path.startsWith('/admin/') ? 'admin' : 'vhxh.truong']}`);
    if (opts.query) req.query(opts.query);
    if (opts.text !== undefined) return req.set('Content-Type', 'text/plain; charset=utf-8').send(opts.text);
    return opts.json === undefined ? req : req.send(opts.json as object);
  };

  const withInput = Object.entries(OPERATIONS as Record<string, Operation>).filter(([, op]) => op.body || op.query || op.textBody);

  it.each(withInput.map(([id, op]) => [id, op] as const))('%s: a refused body or query is the contract’s 400', async (_id, op) => {
    let checked = 0;
    if (op.body) {
      const bad = refused(op.body, [[], 42, { zzUnknown: true }, {}]);
      expect(bad).not.toBeNull();
      const res = await send(op, { json: bad?.value });
      expect({ status: res.status, message: res.body.message, field: res.body.field }).toEqual({
        status: 400,
        message: bad?.message,
        field: bad?.field || undefined,
      });
      checked++;
    }
    if (op.textBody) {
      const bad = refused(op.textBody, ['', 'x'.repeat(1_000_001)]);
      expect(bad).not.toBeNull();
      const res = await send(op, { text: bad?.value as string });
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: bad?.message });
      checked++;
    }
    if (op.query) {
      const bad = refused(op.query, queryCandidates(op.query));
      expect(bad).not.toBeNull();
      const res = await send(op, { query: bad?.value as Record<string, string> });
      expect({ status: res.status, message: res.body.message, field: res.body.field }).toEqual({
        status: 400,
        message: bad?.message,
        field: bad?.field || undefined,
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
