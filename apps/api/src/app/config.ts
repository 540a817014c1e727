import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Runtime configuration, read once from the environment (README lists every variable). */
export interface AppConfig {
  port: number;
  dataDir: string;
  /** Real PostgreSQL; when null an embedded server is started under dataDir. */
  databaseUrl: string | null;
  demoSeed: boolean;
  authSecret: string;
  /** Token lifetime in seconds. */
  tokenTtl: number;
  /** Built web app to serve; null when absent. */
  webRoot: string | null;
  /** Deadline sweep interval in ms (0 disables the in-process sweeper). */
  sweepIntervalMs: number;
  /** Worker threads rendering PDFs. */
  renderWorkers: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** Reads (or generates once and keeps) the token-signing secret in DATA_DIR. Never committed. */
function loadSecret(dataDir: string): string {
  if (process.env['AUTH_SECRET']) return process.env['AUTH_SECRET'];
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env['DATA_DIR'] || '.data');
  const webCandidates = [env['WEB_ROOT'], resolve('dist/apps/web/browser'), resolve(__dirname, '../web/browser')].filter(
    (p): p is string => !!p,
  );
  return {
    port: Number(env['PORT'] || 3000),
    dataDir,
    databaseUrl: env['DATABASE_URL'] || null,
    demoSeed: flag(env['DEMO_SEED'], true),
    authSecret: loadSecret(dataDir),
    tokenTtl: Number(env['TOKEN_TTL_SECONDS'] || 12 * 3600),
    webRoot: webCandidates.find((p) => existsSync(join(p, 'index.html'))) ?? null,
    sweepIntervalMs: Number(env['SWEEP_INTERVAL_MS'] ?? 60_000),
    renderWorkers: Number(env['RENDER_WORKERS'] ?? 2),
  };
}
