import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../app/database/embedded-postgres';

declare global {
  var __TK_EMBEDDED__: EmbeddedDatabase | undefined;
}

/** Starts one embedded PostgreSQL for the whole run unless DATABASE_URL names a real server. */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL']) {
    console.log(`\n[api tests] PostgreSQL: ${process.env['DATABASE_URL']}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tk-test-pg-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres(dir);
  globalThis.__TK_EMBEDDED__ = db;
  process.env['TK_TEST_PG_URL'] = db.url;
  console.log(`\n[api tests] embedded PostgreSQL in ${dir}`);
}
