import { availableParallelism } from 'node:os';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { AdminLog1764100000000 } from './migrations/1764100000000-admin-log';
import { AuditKeyed1764300000000 } from './migrations/1764300000000-audit-keyed';
import { LoginThrottle1764600000000 } from './migrations/1764600000000-login-throttle';
import { Figures1764700000000 } from './migrations/1764700000000-figures';
import { FrozenPdfKey1764750000000 } from './migrations/1764750000000-frozen-pdf-key';
import { Province1764800000000 } from './migrations/1764800000000-province';
import { IncomingRegister1764900000000 } from './migrations/1764900000000-incoming-register';
import { FrozenPdfLayout1764920000000 } from './migrations/1764920000000-frozen-pdf-layout';
import { AgencyCode1764930000000 } from './migrations/1764930000000-agency-code';
import { ReportLists1765000000000 } from './migrations/1765000000000-report-lists';
import { SearchTrigram1765000000001 } from './migrations/1765000000001-search-trigram';
import { CompiledReport1765100000000 } from './migrations/1765100000000-compiled-report';
import { OrganisationUnits1765500000000 } from './migrations/1765500000000-organisation-units';
import { ReportCounts1765700000000 } from './migrations/1765700000000-report-counts';
import { BoardPerf1765800000000 } from './migrations/1765800000000-board-perf';
import { TransitionWriteCost1765900000000 } from './migrations/1765900000000-transition-write-cost';

export const MIGRATIONS = [
  InitialSchema1763900000000,
  AdminLog1764100000000,
  AuditKeyed1764300000000,
  LoginThrottle1764600000000,
  Figures1764700000000,
  FrozenPdfKey1764750000000,
  Province1764800000000,
  IncomingRegister1764900000000,
  FrozenPdfLayout1764920000000,
  AgencyCode1764930000000,
  ReportLists1765000000000,
  SearchTrigram1765000000001,
  CompiledReport1765100000000,
  OrganisationUnits1765500000000,
  ReportCounts1765700000000,
  BoardPerf1765800000000,
  TransitionWriteCost1765900000000,
];

/**
 * How the API uses its connections. The safety net behind "no handler takes a second connection
 * inside a transaction": a request that waits for a pool connection gives up after `poolWaitMs`
 * (answered 503), a statement is cancelled after `statementTimeoutMs`, and a session left idle
 * inside a transaction is ended by PostgreSQL after `idleInTransactionMs`, so nothing holds the
 * pool for ever. Every value is in milliseconds; 0 disables a limit.
 */
export interface PoolSettings {
  /** DB_POOL_SIZE: connections per API instance. */
  size: number;
  /** DB_POOL_WAIT_MS: longest wait for a free connection (and for a new connection to open). */
  poolWaitMs: number;
  /** DB_STATEMENT_TIMEOUT_MS: PostgreSQL statement_timeout of every connection. */
  statementTimeoutMs: number;
  /** DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: PostgreSQL idle_in_transaction_session_timeout. */
  idleInTransactionMs: number;
  /**
   * DB_POOL_IDLE_MS: how long an idle pooled connection stays open. A new PostgreSQL backend plans each query
   * shape against a cold catalogue cache (12–14 ms for the inbox's query against 1,2 ms warm), so the pool keeps
   * its connections for minutes rather than node-postgres's 10 s.
   */
  poolIdleMs: number;
}

function ms(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} phải là số mili giây không âm (đang là "${raw}").`);
  return Math.floor(n);
}

/**
 * The default pool: 2 × cores + 1 connections (the PostgreSQL wiki's "number of database connections" rule),
 * the cores being this machine's — the embedded database and the default deployment share it with the API.
 * More connections than the cores can run only add contention inside PostgreSQL: on 2 cores a pool of 10 cost
 * PostgreSQL 1,9–2,4 ms per transition against 1,5–2,1 ms with 5, for the same throughput or more
 * (docs/benchmarks.md, "Tenth session"). A database on a bigger machine of its own: set DB_POOL_SIZE.
 */
export const defaultPoolSize = (cores: number = availableParallelism()): number => 2 * Math.max(1, cores) + 1;

export function poolSettings(env: NodeJS.ProcessEnv = process.env, cores?: number): PoolSettings {
  return {
    size: Math.max(1, ms(env, 'DB_POOL_SIZE', defaultPoolSize(cores))),
    poolWaitMs: ms(env, 'DB_POOL_WAIT_MS', 10_000),
    statementTimeoutMs: ms(env, 'DB_STATEMENT_TIMEOUT_MS', 30_000),
    idleInTransactionMs: ms(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    poolIdleMs: ms(env, 'DB_POOL_IDLE_MS', 300_000),
  };
}

/** node-postgres settings for the pool and for single connections (the LISTEN client). */
export function pgConnectionSettings(s: PoolSettings): Record<string, unknown> {
  return {
    connectionTimeoutMillis: s.poolWaitMs,
    keepAlive: true,
    ...(s.statementTimeoutMs ? { statement_timeout: s.statementTimeoutMs } : {}),
    ...(s.idleInTransactionMs ? { idle_in_transaction_session_timeout: s.idleInTransactionMs } : {}),
  };
}

/** TypeORM options for a PostgreSQL URL. Schema changes only through migrations. */
export function dataSourceOptions(url: string, overrides: Partial<PoolSettings> = {}): DataSourceOptions {
  const s = { ...poolSettings(), ...overrides };
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    // pipeline: node-postgres sends a statement without waiting for the previous one's answer (each keeps
    // its own Sync), which PgReportStore uses for BEGIN + lock and write + COMMIT (one round trip each).
    extra: { max: s.size, idleTimeoutMillis: s.poolIdleMs, pipeline: true, ...pgConnectionSettings(s) },
  };
}

export async function openDataSource(url: string, overrides: Partial<PoolSettings> = {}): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, overrides));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

/** The pg pool behind a DataSource: its size and how many requests wait for a connection. */
export function poolStats(ds: DataSource): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = (
    ds.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } } }
  ).master;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options?.max ?? 0 };
}
