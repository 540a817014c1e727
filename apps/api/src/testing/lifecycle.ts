/** Drives reports through their whole lifecycle over HTTP (shared by the benchmark and tests). */
import { Agent, request } from 'node:http';

export const DRAFTER_OF: Record<string, string> = { VP: 'vp.cv', KT: 'kt.cv', VHXH: 'vhxh.cv', HCC: 'hcc.cv' };

export interface Client {
  base: string;
  tokens: Record<string, string>;
  /** Called with each transition's latency in ms (and its event type). */
  record?: (ms: number, type: string) => void;
  /** Sees every response (tests check it against the contract: testing/contract-check.ts); throwing fails the call. */
  observe?: (r: { method: string; url: string; status: number; body: unknown }) => void;
}

/**
 * Kept-alive connections through node:http: the benchmark's client shares the CPU with the API and
 * the database, and `fetch` (undici, WHATWG streams) costs several times more CPU per request.
 * Free sockets are unref'd by the agent, so an idle pool never keeps the process alive.
 */
// `timeout`: a free socket idle for 4 s is closed by the client, before the server's 5 s keep-alive
// timeout can close it under a request being sent on it.
const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

/** One request as `user` over the kept-alive agent: its status and JSON body. */
export function call(
  c: Client,
  user: string,
  method: string,
  path: string,
  body?: unknown,
  retried = false,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${c.base}${path}`,
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${c.tokens[user]}`,
          'Content-Type': 'application/json',
          ...(payload ? { 'Content-Length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const answer = { status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} };
            c.observe?.({ method, url: path, ...answer });
            resolve(answer);
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    // A kept-alive socket the server closed while idle resets before the request reached it: send it
    // again once on a fresh socket (Node's documented pattern; nothing was processed).
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && e.code === 'ECONNRESET') call(c, user, method, path, body, true).then(resolve, reject);
      else reject(e);
    });
    req.end(payload);
  });
}

export async function login(base: string, usernames: string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const u of usernames) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: u, password: 'demo' }),
    });
    if (!res.ok) throw new Error(`login ${u}: ${res.status}`);
    tokens[u] = ((await res.json()) as { accessToken: string }).accessToken;
  }
  return tokens;
}

export async function createReport(
  c: Client,
  period: { kind: string; year: number; index?: number },
  deadline: string,
): Promise<{ id: string; version: number }> {
  const r = await call(c, 'vhxh.truong', 'POST', '/api/reports', { templateCode: 'CCHC_QUY', period, deadline });
  if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body['id'] as string, version: r.body['version'] as number };
}

export class LifecycleError extends Error {}

/** The hash the API announces for the PDF `user` previews now (the header X-Document-Sha256); the body is read and dropped. */
export function previewSha256(c: Client, user: string, reportId: string, retried = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${c.base}/api/reports/${reportId}/pdf`,
      { agent, headers: { Authorization: `Bearer ${c.tokens[user]}` } },
      (res) => {
        res.on('data', () => undefined);
        res.on('error', reject);
        res.on('end', () => resolve(String(res.headers['x-document-sha256'] ?? ''))); // none on a refusal: the sign is refused
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && e.code === 'ECONNRESET') previewSha256(c, user, reportId, true).then(resolve, reject);
      else reject(e);
    });
    req.end();
  });
}

/** Sends one event as `user`; returns the new version. Throws on anything but 200. */
export async function send(
  c: Client,
  user: string,
  reportId: string,
  version: number,
  type: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  // A signature names the SHA-256 of the preview the signer read (X-Document-Sha256 of GET …/pdf).
  if (type === 'sign' && !('documentSha256' in extra)) extra = { ...extra, documentSha256: await previewSha256(c, user, reportId) };
  const t = performance.now();
  const r = await call(c, user, 'POST', `/api/reports/${reportId}/events`, { type, expectedVersion: version, ...extra });
  c.record?.(performance.now() - t, type);
  if (r.status !== 200) throw new LifecycleError(`${type} by ${user}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body['version'] as number;
}

/** From a fresh report (state draft) to signed: collects, accepts every section, compiles, signs. */
export async function driveToSigned(c: Client, reportId: string, version: number): Promise<number> {
  return send(c, 'pct.vhxh', reportId, await driveToAwaitingSignature(c, reportId, version), 'sign');
}

/** From a fresh report (state draft) to awaiting signature: collects, accepts every section, compiles. */
export async function driveToAwaitingSignature(c: Client, reportId: string, version: number): Promise<number> {
  let v = version;
  const detail = await call(c, 'vhxh.truong', 'GET', `/api/reports/${reportId}`);
  const sections = detail.body['sections'] as { id: string; unit: { code: string } }[];
  if (detail.body['state'] === 'draft') v = await send(c, 'vhxh.truong', reportId, v, 'open_collection');
  for (const s of sections) {
    const drafter = DRAFTER_OF[s.unit.code];
    v = await send(c, drafter, reportId, v, 'start_drafting', { sectionId: s.id });
    v = await send(c, drafter, reportId, v, 'submit_section', { sectionId: s.id });
    v = await send(c, 'vhxh.truong', reportId, v, 'accept_section', { sectionId: s.id });
  }
  v = await send(c, 'vhxh.truong', reportId, v, 'start_compiling');
  return send(c, 'vhxh.truong', reportId, v, 'send_for_signature');
}

/** From signed to acknowledged: numbered and issued, dispatched, receipt recorded. */
export async function driveToAcknowledged(c: Client, reportId: string, version: number): Promise<number> {
  let v = await send(c, 'vanthu', reportId, version, 'issue');
  v = await send(c, 'vanthu', reportId, v, 'dispatch');
  return send(c, 'vanthu', reportId, v, 'acknowledge');
}

export const LIFECYCLE_USERS = ['vhxh.truong', 'vhxh.cv', 'vp.cv', 'kt.cv', 'hcc.cv', 'pct.vhxh', 'vanthu', 'chutich'];
