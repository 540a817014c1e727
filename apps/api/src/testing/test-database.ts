import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

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

/** `server`: another server's URL (a test that stops and starts its own server); default the shared one. */
export async function createTestDatabase(server: string = serverUrl()): Promise<TestDatabase> {
  const base = new URL(server);
  const name = `tk_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
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
