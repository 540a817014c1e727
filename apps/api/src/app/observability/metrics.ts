/**
 * Prometheus metrics (prom-client), one registry per app. Counts requests by route template (never
 * the raw URL: no ids, no tenant data), transitions by event type and outcome, and reads the
 * outbox backlog and the connection pool at scrape time.
 */
import { EVENT_LABELS } from '@trinhky/workflow';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

type Req = IncomingMessage & { route?: { path?: string }; baseUrl?: string; body?: unknown };

const EVENT_TYPES = new Set(Object.keys(EVENT_LABELS));
const TRANSITION_ROUTE = '/api/reports/:id/events';
/** Bounded wait for the scrape-time queries: a slow database must not hang the scrape. */
const SCRAPE_QUERY_MS = 2000;

/** The pg Pool behind TypeORM's DataSource (typed: PostgresDriver keeps it as `master`). */
export function poolOf(ds: DataSource): Pool | null {
  return ds.driver instanceof PostgresDriver ? (ds.driver.master as Pool) : null;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`timeout after ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class AppMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'tk_http_requests_total',
    help: 'HTTP requests by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'tk_http_request_duration_seconds',
    help: 'HTTP request latency by method and route template (event streams excluded)',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly transitions = new Counter({
    name: 'tk_transitions_total',
    help: 'Workflow events sent (POST /api/reports/:id/events) by event type and outcome (ok, refused = 4xx, error = 5xx)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(ds: DataSource, log: Logger) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tk_' });
    // One query for the three gauges of a scrape: prom-client collects all metrics concurrently,
    // so each awaits the same in-flight read. Bounded in the database and in the wait.
    let inFlight: Promise<{ n: number; age: number } | null> | null = null;
    const readOutbox = (): Promise<{ n: number; age: number } | null> =>
      (inFlight ??= withTimeout(
        ds.transaction(async (em) => {
          await em.query(`SET LOCAL statement_timeout = ${SCRAPE_QUERY_MS}`);
          const rows: { n: number; age: number }[] = await em.query(
            `SELECT count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM outbox WHERE delivered_at IS NULL`,
          );
          return rows[0];
        }),
        SCRAPE_QUERY_MS + 500,
      )
        .catch((e: unknown) => {
          log.warn({ err: e }, 'metrics: outbox backlog not read');
          return null;
        })
        .finally(() => setImmediate(() => (inFlight = null))));
    const outboxGauge = (name: string, help: string, read: (r: { n: number; age: number } | null) => number | undefined): Gauge =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const value = read(await readOutbox());
          if (value !== undefined) this.set(value);
        },
      });
    outboxGauge('tk_outbox_backlog', 'Outbox rows not delivered yet', (r) => r?.n);
    outboxGauge('tk_outbox_oldest_age_seconds', 'Age in seconds of the oldest undelivered outbox row (0 when none)', (r) => r?.age);
    outboxGauge(
      'tk_outbox_query_ok',
      '1 when the outbox backlog was read at this scrape, 0 when the database did not answer in time',
      (r) => (r ? 1 : 0),
    );
    const pool = (name: string, help: string, read: (p: Pool) => number): Gauge =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = poolOf(ds);
          if (p) this.set(read(p));
        },
      });
    pool('tk_db_pool_connections', 'Connections open in the database pool', (p) => p.totalCount);
    pool('tk_db_pool_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    pool('tk_db_pool_waiting', 'Requests waiting for a database connection', (p) => p.waitingCount);
  }

  /** Express middleware: observes every request once it is answered (or the client went away). */
  middleware(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
    return (req, res, next) => {
      const start = process.hrtime.bigint();
      res.once('close', () => {
        const r = req as Req;
        const route = r.route?.path ? `${r.baseUrl ?? ''}${r.route.path}` : 'unmatched';
        const method = req.method ?? 'GET';
        const status = res.headersSent || res.writableEnded ? res.statusCode : 499;
        this.requests.inc({ method, route, status_class: `${Math.floor(status / 100)}xx` });
        const stream = String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
        if (!stream) this.latency.observe({ method, route }, Number(process.hrtime.bigint() - start) / 1e9);
        if (method === 'POST' && route === TRANSITION_ROUTE) {
          const body = r.body as { type?: unknown } | undefined;
          const type = typeof body?.type === 'string' && EVENT_TYPES.has(body.type) ? body.type : 'unknown';
          this.transitions.inc({ type, outcome: status < 400 ? 'ok' : status < 500 ? 'refused' : 'error' });
        }
      });
      next();
    };
  }
}
