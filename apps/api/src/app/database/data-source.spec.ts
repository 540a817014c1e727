import { dataSourceOptions, poolSettings } from './data-source';

describe('pool settings', () => {
  it('keeps idle connections for minutes by default, as configured, or for ever with 0', () => {
    expect(poolSettings({}).poolIdleMs).toBe(300_000);
    expect(poolSettings({ DB_POOL_IDLE_MS: '0' }).poolIdleMs).toBe(0);
    const extra = (dataSourceOptions('postgres://x@127.0.0.1/db', { poolIdleMs: 42_000 }) as { extra: Record<string, unknown> }).extra;
    expect(extra).toMatchObject({ idleTimeoutMillis: 42_000, pipeline: true });
  });

  it('sizes the pool 2 × cores + 1 unless DB_POOL_SIZE says otherwise', () => {
    expect(poolSettings({}, 2).size).toBe(5);
    expect(poolSettings({}, 8).size).toBe(17);
    expect(poolSettings({ DB_POOL_SIZE: '12' }, 2).size).toBe(12);
    expect(poolSettings({ DB_POOL_SIZE: '0' }, 2).size).toBe(1);
    const extra = (dataSourceOptions('postgres://x@127.0.0.1/db', { size: 7 }) as { extra: Record<string, unknown> }).extra;
    expect(extra['max']).toBe(7);
  });

  it('refuses a value that is not a non-negative number of milliseconds, in Vietnamese', () => {
    expect(() => poolSettings({ DB_POOL_IDLE_MS: 'năm phút' })).toThrow('DB_POOL_IDLE_MS phải là số mili giây không âm');
    expect(() => poolSettings({ DB_POOL_IDLE_MS: '-1' })).toThrow('DB_POOL_IDLE_MS');
  });
});
