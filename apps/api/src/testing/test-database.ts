import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDataSource } from '../app/database/data-source';

/**
 * A fresh database for one test file, on the server under test: the real PostgreSQL named by
 * DATABASE_URL when set, else the embedded server started by the Jest global setup.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function serverUrl(): string {
  const url = process.env['DATABASE_URL'] || process.env['TK_TEST_PG_URL'];
  if (!url) throw new Error('No database for integration tests: set DATABASE_URL or run through the Jest global setup.');
  return url;
}

async function onServer<T>(server: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: server });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/**
 * A database migrated to the latest schema, once per test run (Jest global setup): each suite's
 * database is a copy of it (`CREATE DATABASE … TEMPLATE`), so the migrations run once, not per suite.
 * Returns its name.
 */
export async function createTemplateDatabase(server: string): Promise<string> {
  const name = `tk_template_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const ds = await openDataSource(url.toString());
  await ds.destroy();
  return name;
}

/** The seeded copy of the run's template and its DATA_DIR (demo-template.ts). */
export function demoTemplateName(template: string): string {
  return `${template}_demo`;
}

export function demoDataDir(template: string): string {
  return join(tmpdir(), `${template}-demo-data`);
}

/** Drops the run's template and the seeded one made from it (demo-template.ts), if any. */
export async function dropTemplateDatabase(server: string, name: string): Promise<void> {
  await onServer(server, async (c) => {
    for (const db of [demoTemplateName(name), `${demoTemplateName(name)}_b`, name])
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  });
}

/**
 * `server`: another server's URL (a test that stops and starts its own server: an empty database,
 * migrated by the app); default the shared one, where the database is a copy of the run's template
 * unless `empty` (a restore's target, a test of the migrations themselves), or of `template` (the
 * seeded one, demo-template.ts).
 */
export async function createTestDatabase(
  server: string = serverUrl(),
  opts: { empty?: boolean; template?: string } = {},
): Promise<TestDatabase> {
  const base = new URL(server);
  const name = `tk_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const template = server === serverUrl() && !opts.empty ? (opts.template ?? process.env['TK_TEST_TEMPLATE']) : undefined;
  await onServer(base.toString(), (c) => c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`));
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
