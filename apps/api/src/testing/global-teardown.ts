import { rmSync } from 'node:fs';
import { demoDataDir, dropTemplateDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const url = process.env['DATABASE_URL'] || process.env['TK_TEST_PG_URL'];
  const template = process.env['TK_TEST_TEMPLATE'];
  if (url && template) await dropTemplateDatabase(url, template);
  if (template) rmSync(demoDataDir(template), { recursive: true, force: true });
  await globalThis.__TK_EMBEDDED__?.stop();
}
