import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

/**
 * Property-based fuzz of every operation of the OpenAPI document (issue 9): generated bodies, query
 * strings, path parameters and content types, sent as users with wide rights. Fails on any 5xx, on a
 * request slower than REQUEST_MS, and on a 4xx that changed anything. Fixed seed by default;
 * FUZZ_SEED and FUZZ_RUNS (runs per operation) override it; a failure prints the seed and the request.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_201);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 12);
const REQUEST_MS = Number(process.env['FUZZ_REQUEST_MS'] ?? 5_000);
/**
 * Rendering a PDF or verifying its signatures is real work (benchmarked by `npm run bench:render` and
 * `bench:sign`): the bound here is about hanging, on a machine that may be loaded.
 */
const HEAVY = /(\/pdf|\.docx|\/signatures|\/document)$/;
const limitFor = (path: string): number => (HEAVY.test(path) ? REQUEST_MS * 4 : REQUEST_MS);

interface Operation {
  method: string;
  path: string;
  query: string[];
  bodyKeys: string[];
  sse: boolean;
}

interface Sent {
  user: string;
  method: string;
  url: string;
  contentType: string | null;
  body: string | null;
}

/** Strings that have broken servers: NUL, lone surrogates, decomposed Vietnamese, huge, dates that do not exist. */
const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\uD83D',
  'Tiếng Việt có dấu'.normalize('NFD'),
  'Đ'.repeat(50_000),
  'x'.repeat(300_000),
  '2199-02-31',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '',
  ' ',
  '%',
  '../../etc/passwd',
  "'; DROP TABLE reports; --",
  '${7*7}',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'CCHC',
  'draft,collecting',
  'true',
  '-1',
  '1e309',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), nasty);
const numbers = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 5e-324),
);

const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    numbers,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(text, tie('json'), { maxKeys: 4 }),
  ),
}));

/** An object nested `n` deep (objects or arrays). */
const deep = fc.tuple(fc.integer({ min: 20, max: 4000 }), fc.boolean()).map(([n, arr]) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = arr ? [v] : { a: v };
  return v;
});

/** Bodies shaped like the operation's (its documented keys with random values), or not at all. */
const bodyFor = (op: Operation) =>
  fc.oneof(
    op.bodyKeys.length
      ? fc
          .dictionary(fc.constantFrom(...op.bodyKeys), fc.oneof(json, deep), { maxKeys: op.bodyKeys.length })
          .chain((known) => fc.dictionary(text, json, { maxKeys: 2 }).map((extra) => ({ ...extra, ...known })))
      : json,
    json,
    deep,
    fc.array(json, { maxLength: 3 }),
    fc.constant({ content: { blocks: [{ type: 'paragraph', runs: [{ text: 'x', extra: { a: { b: { c: [1, [2, [3]]] } } } }] }] } }),
    fc.constant({
      baseRevisionId: null,
      content: { blocks: [{ type: 'table', header: [[{ text: 'a', colSpan: -5 }]], rows: 'x', widths: [Infinity] }] },
    }),
    fc.constant({ type: 'start_drafting', expectedVersion: 1e308, sectionId: 'x', comment: 'a\uD800', payload: [] }),
  );

/** Percent-encoding that also sends what `encodeURIComponent` refuses (a lone surrogate becomes bytes that are not UTF-8). */
const enc = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%A-Za-z0-9]/g, (c) => encodeURIComponent(c));
  }
};

describe('fuzz: every operation of the OpenAPI document', () => {
  let t: TestApp;
  let base: string;
  let ops: Operation[];
  const tokens: Record<string, string> = {};
  const real: Record<string, string[]> = {};

  /** Everything a refused request must leave as it was. */
  const state = async (): Promise<unknown> =>
    (
      await t.ds.query(`SELECT
        (SELECT count(*) FROM audit_entries)::int AS audit,
        (SELECT count(*) FROM admin_log)::int AS admin_log,
        (SELECT count(*) FROM section_revisions)::int AS revisions,
        (SELECT md5(coalesce(string_agg(id || ':' || version || ':' || state, ',' ORDER BY id), '')) FROM reports) AS reports,
        (SELECT md5(coalesce(string_agg(u::text, ',' ORDER BY u.id), '')) FROM users u) AS users,
        (SELECT md5(coalesce(string_agg(u::text, ',' ORDER BY u.id), '')) FROM units u) AS units,
        (SELECT md5(coalesce(string_agg(d::text, ',' ORDER BY d.id), '')) FROM delegations d) AS delegations,
        (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY p.id), '')) FROM routing_policies p) AS policies`)
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    for (const u of ['admin', 'vhxh.truong']) tokens[u] = await t.login(u);
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      servers: { url: string }[];
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[];
            requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
          }
        >
      >;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, o]) => ({
        method: method.toUpperCase(),
        path: `${doc.servers[0].url}${path}`, // paths are under the server url (/api)
        query: (o.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: Object.keys(o.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
        sse: path.endsWith('/stream'),
      })),
    );
    // Real ids from the demo data: a report with sections and revisions, a unit, a user nobody logs in as, a delegation.
    const h = { Authorization: `Bearer ${tokens['vhxh.truong']}` };
    const reports: { id: string }[] = (await t.http().get('/api/reports').set(h).expect(200)).body.items;
    const [rev] = await t.ds.query('SELECT id, section_id, report_id FROM section_revisions LIMIT 1');
    const sections = await t.ds.query('SELECT id FROM sections WHERE report_id = $1', [reports[0].id]);
    real['reports'] = [...new Set([rev?.report_id, ...reports.map((r) => r.id)].filter(Boolean))];
    real['sectionId'] = [rev?.section_id, ...sections.map((s: { id: string }) => s.id)].filter(Boolean);
    real['revisionId'] = [rev?.id].filter(Boolean);
    real['units'] = (await t.ds.query(`SELECT id FROM units`)).map((u: { id: string }) => u.id);
    real['users'] = (await t.ds.query(`SELECT id FROM users WHERE username NOT IN ('admin', 'vhxh.truong')`)).map(
      (u: { id: string }) => u.id,
    );
    real['delegations'] = (await t.ds.query('SELECT id FROM delegations')).map((d: { id: string }) => d.id);
    real['reportKind'] = ['CCHC'];
  });
  afterAll(() => t.close());

  /** The real values a path parameter may take (by name, or by the collection it follows). */
  const realFor = (path: string, name: string): string[] => {
    const collection = /\/([a-z-]+)\/\{[^}]+\}$/.exec(path.slice(0, path.indexOf(`{${name}}`) + name.length + 2))?.[1] ?? '';
    const found = real[name] ?? real[collection] ?? real['reports'];
    return found.length ? found : [randomUUID()];
  };

  const request = (op: Operation) => {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const param = (name: string) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...realFor(op.path, name)) },
        fc.constant(randomUUID()),
        text.map((s) => s.slice(0, 300)),
        fc.constantFrom('%00', '%ZZ', '%ED%A0%80', '..', 'register.csv', '-1'),
      );
    const query = fc.dictionary(
      fc.oneof(
        fc.constantFrom(...op.query, 'q', 'year', 'limit', 'access_token'),
        text.map((s) => s.slice(0, 50)),
      ),
      fc.oneof(text, numbers.map(String), fc.array(text, { minLength: 2, maxLength: 2 })),
      { maxKeys: 4 },
    );
    const kind = fc.constantFrom('json', 'json', 'json', 'malformed', 'text', 'form', 'octet', 'none');
    return fc.record({
      user: fc.constantFrom('admin', 'vhxh.truong'),
      params: fc.tuple(
        ...params.map((n) =>
          fc.oneof(
            param(n).map((v) => ({ raw: false, v })),
            fc.constantFrom('%00', '%ZZ').map((v) => ({ raw: true, v })),
          ),
        ),
      ),
      query,
      kind,
      body: bodyFor(op),
      textBody: text,
    });
  };

  async function send(op: Operation, r: Record<string, unknown>): Promise<{ status: number; ms: number; sent: Sent; message: string }> {
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const values = r['params'] as { raw: boolean; v: string }[];
    let path = op.path;
    names.forEach((n, i) => (path = path.replace(`{${n}}`, values[i].raw ? values[i].v : enc(values[i].v) || 'x')));
    const qs = Object.entries(r['query'] as Record<string, string | string[]>)
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${enc(k)}=${enc(x)}`))
      .join('&');
    const url = `${path}${qs ? `?${qs}` : ''}`;
    const kind = r['kind'] as string;
    const hasBody = !['GET', 'HEAD'].includes(op.method) && kind !== 'none';
    let body: string | null = null;
    let contentType: string | null = null;
    if (hasBody) {
      if (kind === 'json') [contentType, body] = ['application/json', JSON.stringify(r['body']) ?? 'null'];
      else if (kind === 'malformed') [contentType, body] = ['application/json', `${JSON.stringify(r['body'])}`.slice(0, -1) + '\u0000{'];
      else if (kind === 'text') [contentType, body] = ['text/plain; charset=utf-8', String(r['textBody'])];
      else if (kind === 'form') [contentType, body] = ['application/x-www-form-urlencoded', `a=${enc(String(r['textBody']))}`];
      else [contentType, body] = ['application/octet-stream', String(r['textBody'])];
    }
    const sent: Sent = {
      user: r['user'] as string,
      method: op.method,
      url,
      contentType,
      body: body && body.length > 500 ? `${body.slice(0, 500)}… (${body.length} chars)` : body,
    };
    const headers: Record<string, string> = { Authorization: `Bearer ${tokens[sent.user]}` };
    if (contentType) headers['Content-Type'] = contentType;
    const started = Date.now();
    const res = await fetch(`${base}${url}`, { method: op.method, headers, body, signal: AbortSignal.timeout(limitFor(op.path) * 2) });
    let message = '';
    if (op.sse && res.status < 300) await res.body?.cancel();
    else message = (await res.text()).slice(0, 300);
    return { status: res.status, ms: Date.now() - started, sent, message };
  }

  it('answers every generated request to every operation without a 5xx, in time, and a 4xx changes nothing', async () => {
    expect(ops.length).toBeGreaterThanOrEqual(30);
    const seen = new Map<string, Set<number>>();
    for (const [i, op] of ops.entries()) {
      const statuses = new Set<number>();
      seen.set(`${op.method} ${op.path}`, statuses);
      await fc.assert(
        fc.asyncProperty(request(op), async (r) => {
          const before = await state();
          const { status, ms, sent, message } = await send(op, r as Record<string, unknown>);
          statuses.add(status);
          const where = `${JSON.stringify(sent)} → ${status} ${message}`;
          if (status >= 500) throw new Error(`5xx: ${where}`);
          if (ms > limitFor(op.path)) throw new Error(`slow (${ms} ms): ${where}`);
          // A failed login may be logged and counted by the throttle; every other refusal changes nothing.
          if (status >= 400 && !op.path.startsWith('/api/auth/')) {
            const after = await state();
            if (JSON.stringify(after) !== JSON.stringify(before))
              throw new Error(`a ${status} changed the database: ${where}\n${JSON.stringify(before)}\n${JSON.stringify(after)}`);
          }
        }),
        {
          seed: SEED + i,
          numRuns: RUNS,
          endOnFailure: true,
          reporter: (out) => {
            if (out.failed)
              throw new Error(
                `FUZZ_SEED=${SEED} (operation ${i}: ${op.method} ${op.path}, seed ${SEED + i}), counterexample:\n${out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)}`,
              );
          },
        },
      );
    }
    // Every operation saw at least one answer that was not a 5xx (the loop would have thrown otherwise).
    expect([...seen.values()].every((s) => s.size > 0)).toBe(true);
  }, 240_000);
});
