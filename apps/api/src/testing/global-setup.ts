import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../app/database/embedded-postgres';
import { createTemplateDatabase } from './test-database';

declare global {
  var __TK_EMBEDDED__: EmbeddedDatabase | undefined;
}

/**
 * Starts one embedded PostgreSQL for the whole run unless DATABASE_URL names a real server, then
 * migrates one template database there: each suite's fresh database is a copy of it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL']) {
    console.log(`\n[api tests] PostgreSQL: ${process.env['DATABASE_URL']}`);
    process.env['TK_TEST_TEMPLATE'] = await createTemplateDatabase(process.env['DATABASE_URL']);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tk-test-pg-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres(dir);
  globalThis.__TK_EMBEDDED__ = db;
  process.env['TK_TEST_PG_URL'] = db.url;
  process.env['TK_TEST_TEMPLATE'] = await createTemplateDatabase(db.url);
  console.log(`\n[api tests] embedded PostgreSQL in ${dir}`);
}
