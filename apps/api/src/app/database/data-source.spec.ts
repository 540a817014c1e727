import { dataSourceOptions, poolSettings } from './data-source';

describe('pool settings', () => {
  it('keeps idle connections for minutes by default, as configured, or for ever with 0', () => {
    expect(poolSettings({}).poolIdleMs).toBe(300_000);
    expect(poolSettings({ DB_POOL_IDLE_MS: '0' }).poolIdleMs).toBe(0);
    const extra = (dataSourceOptions('postgres://x@127.0.0.1/db', { poolIdleMs: 42_000 }) as { extra: Record<string, unknown> }).extra;
    expect(extra).toMatchObject({ max: 10, idleTimeoutMillis: 42_000, pipeline: true });
  });

  it('refuses a value that is not a non-negative number of milliseconds, in Vietnamese', () => {
    expect(() => poolSettings({ DB_POOL_IDLE_MS: 'năm phút' })).toThrow('DB_POOL_IDLE_MS phải là số mili giây không âm');
    expect(() => poolSettings({ DB_POOL_IDLE_MS: '-1' })).toThrow('DB_POOL_IDLE_MS');
  });
});
