import type { AppConfig } from '../app/config';

/** The API's configuration in tests: no demo seed, no sweeper, no render workers, a fixed secret. */
export const testConfig = (dataDir: string, databaseUrl: string): AppConfig => ({
  port: 0,
  dataDir,
  databaseUrl,
  demoSeed: false,
  authSecret: 'test-secret-0123456789',
  tokenTtl: 3600,
  webRoot: null,
  sweepIntervalMs: 0,
  renderWorkers: 0,
});
