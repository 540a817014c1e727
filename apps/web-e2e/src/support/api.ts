import { baseUrl } from './env';

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

/**
 * One login per user and suite (a token lives 12 h): each login costs the server a production scrypt
 * (~250 ms of CPU), and the steps driven here are not about logging in. A failed login is not kept.
 */
const tokens = new Map<string, Promise<string>>();

function tokenFor(username: string): Promise<string> {
  let token = tokens.get(username);
  if (!token) {
    token = fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    }).then(async (res) => {
      const body = (await res.json()) as { accessToken?: string };
      if (!res.ok || !body.accessToken) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
      return body.accessToken;
    });
    tokens.set(username, token);
    token.catch(() => tokens.delete(username));
  }
  return token;
}

/** The API as one user (the steps between the screens a suite is about are driven here). */
export async function apiAs(username: string): Promise<ApiCall> {
  const accessToken = await tokenFor(username);
  return async (method, path, body) => {
    const r = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await r.json()) as Record<string, unknown>;
    if (!r.ok) throw new Error(`${method} ${path} as ${username}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** The PDF of report `reportId` as `username` gets it now, with the SHA-256 the API announces for it. */
export async function pdfAs(username: string, reportId: string): Promise<{ bytes: Buffer; sha: string }> {
  const res = await fetch(`${baseUrl()}/api/reports/${reportId}/pdf`, { headers: { Authorization: `Bearer ${await tokenFor(username)}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`GET /api/reports/${reportId}/pdf as ${username}: ${res.status}`);
  return { bytes, sha: res.headers.get('X-Document-Sha256') ?? '' };
}

/** The SHA-256 the API announces for the PDF `username` previews now: a signature names it. */
export async function previewSha256As(username: string, reportId: string): Promise<string> {
  const { sha } = await pdfAs(username, reportId);
  if (!sha) throw new Error(`no X-Document-Sha256 on the preview of ${reportId}`);
  return sha;
}

/**
 * Polls GET /api/reports/:id/signatures as `username` until the frozen PDF (written by the outbox
 * after `issue`) has `n` valid signatures, so that a page shows it on its first load instead of being
 * reloaded once a second. Returns false if it does not within `timeoutMs`.
 */
export async function signaturesValid(username: string, reportId: string, n: number, timeoutMs = 60_000): Promise<boolean> {
  const call = await apiAs(username);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = (await call('GET', `/api/reports/${reportId}/signatures`).catch(() => ({}))) as { signatures?: { status?: string }[] };
    const sigs = res.signatures ?? [];
    if (sigs.length === n && sigs.every((s) => s.status === 'valid')) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
