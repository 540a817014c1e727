import type { INestApplication } from '@nestjs/common';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../app/app.factory';
import { testConfig } from './test-config';
import { openDataSource, type PoolSettings } from '../app/database/data-source';
import { SeedService } from '../app/seed/seed.service';
import { ensureDemoTemplate } from './demo-template';
import { createTestDatabase, demoDataDir, serverUrl, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  ds: DataSource;
  db: TestDatabase;
  /** The app's DATA_DIR (its generated audit key lives there). */
  dataDir: string;
  http: () => ReturnType<typeof request>;
  /** Logs a demo user in (password "demo"); returns the bearer token. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database (migrations, not synchronize), demo data seeded: a copy of the run's
 * seeded template and of its DATA_DIR (demo-template.ts) on the shared server, seeded here on another.
 * `pool`: pool settings of this app (e.g. a pool of one connection); `server`: the PostgreSQL server
 * to create the test database on (default the one of the Jest global setup).
 */
export async function startTestApp(
  opts: { seed?: 'demo' | 'organisation' | 'none'; pool?: Partial<PoolSettings>; server?: string } = {},
): Promise<TestApp> {
  const template = process.env['TK_TEST_TEMPLATE'];
  const seeded = (opts.seed ?? 'demo') === 'demo' && !opts.server && template ? await ensureDemoTemplate(serverUrl(), template) : null;
  const db = await createTestDatabase(opts.server, seeded ? { template: seeded } : {});
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-test-data-'));
  if (seeded && template) cpSync(demoDataDir(template), dataDir, { recursive: true });
  const ds = await openDataSource(db.url, opts.pool);
  const app = await createApp(testConfig(dataDir, db.url), ds, { logger: false });
  await app.init();
  const seeder = app.get(SeedService);
  if ((opts.seed ?? 'demo') === 'demo') await seeder.seedIfEmpty();
  else if (opts.seed === 'organisation') await seeder.seedOrganisation();
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    ds,
    db,
    dataDir,
    http,
    async login(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http().post('/api/auth/login').send({ username, password: 'demo' });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async close(this: TestApp) {
      // `this.app`: a test may swap in a restarted app (deadlines); closing it stops its listener and timers.
      await this.app.close();
      if (this.app !== app) await app.close().catch(() => undefined);
      await ds.destroy();
      await db.drop();
    },
  };
}
