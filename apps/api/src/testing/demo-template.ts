import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { createApp } from '../app/app.factory';
import { testConfig } from './test-config';
import { openDataSource } from '../app/database/data-source';
import { SeedService } from '../app/seed/seed.service';
import { demoDataDir, demoTemplateName } from './test-database';

/**
 * The demo seed, once per test run: the first suite that asks for a demo database boots the app on a
 * copy of the migrated template, seeds it and keeps it (database `<template>_demo`, DATA_DIR
 * `demoDataDir()`: the audit key the seeded entries are sealed with and the demo CA). Every later suite
 * copies both (`CREATE DATABASE … TEMPLATE`, a copy of the folder) instead of seeding and generating a CA
 * again: its own database and folder still, as if its app had been restarted after the seed.
 *
 * The demo users' password hash is the production format with a smaller cost (scrypt N=2^10, not 2^15):
 * a test login costs ~1 ms instead of ~250 ms of CPU. The production parameters stay under test where
 * hashes are made (auth.spec.ts, admin.int.spec.ts: a user created through the API) and in the browser
 * tests (the built app seeds itself).
 */
export const TEST_DEMO_HASH_N = 1 << 10;

export function cheapDemoHash(password = 'demo'): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: TEST_DEMO_HASH_N, r: 8, p: 1 });
  return ['scrypt', TEST_DEMO_HASH_N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function onDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function build(server: string, template: string, name: string, dataDir: string): Promise<void> {
  const building = `${name}_b`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const url = onDatabase(server, building);
  const ds = await openDataSource(url);
  const app = await createApp(testConfig(dataDir, url), ds, { logger: false });
  try {
    await app.init();
    await app.get(SeedService).seedIfEmpty();
    await ds.query(`UPDATE users SET password_hash = $1`, [cheapDemoHash()]);
  } finally {
    await app.close();
    await ds.destroy();
  }
  const c = new Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await c.end();
  }
}

/**
 * The name of the seeded template on `server`, built by the first caller of the run (a PostgreSQL
 * advisory lock makes the other workers wait for it).
 */
export async function ensureDemoTemplate(server: string, template: string): Promise<string> {
  const name = demoTemplateName(template);
  const c = new Client({ connectionString: server });
  await c.connect();
  try {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await build(server, template, name, demoDataDir(template));
    return name;
  } finally {
    await c.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await c.end();
  }
}
