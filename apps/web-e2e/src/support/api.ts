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

/** The SHA-256 the API announces for the PDF `username` previews now: a signature names it. */
export async function previewSha256As(username: string, reportId: string): Promise<string> {
  const pdf = await fetch(`${baseUrl()}/api/reports/${reportId}/pdf`, { headers: { Authorization: `Bearer ${await tokenFor(username)}` } });
  await pdf.arrayBuffer();
  const sha = pdf.headers.get('X-Document-Sha256');
  if (!sha) throw new Error(`no X-Document-Sha256 on the preview of ${reportId}`);
  return sha;
}
