import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { AdminLog1764100000000 } from './migrations/1764100000000-admin-log';
import { LoginThrottle1764600000000 } from './migrations/1764600000000-login-throttle';

export const MIGRATIONS = [InitialSchema1763900000000, AdminLog1764100000000, LoginThrottle1764600000000];

/** TypeORM options for a PostgreSQL URL. Schema changes only through migrations. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    // Small on purpose: on a 2-core machine more connections only add contention (docs/benchmarks.md).
    extra: { max: Number(process.env['DB_POOL_SIZE'] || 10) },
  };
}

export async function openDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
