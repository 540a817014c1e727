import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { type ChainHead, auditHeadJson } from '../audit/audit.service';
import { type ActorRow, actorJson } from '../organisation/people.service';
import { transitionWriteSql } from './pg-transition-write';
import { REPORT_COLUMNS, SECTIONS_JSON, reportFromRow, sectionFromRow } from './report-rows';
import { type EventContext, type Issued, ReportStore, type ReportTx } from './report-store';
import type { DecidedTransition } from './report-store';
import type { ReportEntity } from '../database/entities';

/** Round trip 1 (with BEGIN): the report row, locked. */
const LOCK_REPORT = `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1 FOR UPDATE`;
/**
 * Right behind the lock, in the same round trip: a statement of its own, so PostgreSQL runs it (and
 * takes its snapshot) only once the lock is held, and it sees what the lock's previous holder committed.
 */
const READ_FOR_EVENT = `SELECT ${actorJson('$2::uuid')} AS "user", ${SECTIONS_JSON} AS sections, ${auditHeadJson('$1')} AS head`;
// Any agency above (or receiving from) the organisation follows it: read, never act (followed_organisations, migration 1764800000000).
const SUPERVISES = 'SELECT 1 FROM followed_organisations($2) f WHERE f.id = $1';
const NUMBER_SUFFIX = 'SELECT number_suffix FROM organisations WHERE id = $1';

type Session = Pick<PoolClient, 'query'>;

const names = new Map<string, string>();
/**
 * Every statement of a transition as a named prepared statement: PostgreSQL parses it once per
 * connection and, after a few runs, reuses a generic plan (planning cost more than executing).
 * The texts are a fixed set (the write has a few shapes); never grow without bound.
 */
function prepared(text: string, values: unknown[]): { name?: string; text: string; values: unknown[] } {
  let name = names.get(text);
  if (!name && names.size < 64) names.set(text, (name = `tk_tx_${names.size + 1}`));
  return name ? { name, text, values } : { text, values };
}

/** The socket under a node-postgres client (`client.connection.stream`), when it has one. */
type Corkable = { cork?: () => void; uncork?: () => void };
const socketOf = (session: Session): Corkable | undefined => (session as { connection?: { stream?: Corkable } }).connection?.stream;

/**
 * Sends the statements without waiting for one before the next (node-postgres' pipeline mode, on
 * in `dataSourceOptions`; each statement keeps its own Sync, so one that fails cannot take the
 * others' results) and settles them all before answering: the connection is never released with
 * a statement in flight. Throws the first failure. The socket is corked while they are queued
 * (node-postgres submits a pipelined query synchronously), so they leave in one write — one
 * packet, one wake-up of the backend — instead of one per statement.
 */
async function pipelined(
  session: Session,
  ...queries: (string | { name?: string; text: string; values: unknown[] })[]
): Promise<QueryResult[]> {
  const socket = socketOf(session);
  socket?.cork?.();
  let sent: Promise<QueryResult>[];
  try {
    sent = queries.map((q) => (typeof q === 'string' ? session.query(q) : session.query(q)));
  } finally {
    socket?.uncork?.();
  }
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<QueryResult>).value);
}

function contextFromResult(result: QueryResult): EventContext {
  const [row] = result.rows as { user: ActorRow | null; sections: Record<string, unknown>[]; head: ChainHead | null }[];
  return { user: row.user, sections: row.sections.map(sectionFromRow), head: row.head };
}

class PgReportTx implements ReportTx {
  written = false;

  constructor(
    private readonly session: Session,
    /** True when this store drives the transaction: the write carries the COMMIT. */
    private readonly commits: boolean,
  ) {}

  async supervises(organisationId: string, superiorId: string): Promise<boolean> {
    return (await this.session.query(prepared(SUPERVISES, [organisationId, superiorId]))).rows.length > 0;
  }

  async read(reportId: string, userId: string | null): Promise<EventContext> {
    return contextFromResult(await this.session.query(prepared(READ_FOR_EVENT, [reportId, userId])));
  }

  async numberSuffix(organisationId: string): Promise<string> {
    const rows = (await this.session.query(prepared(NUMBER_SUFFIX, [organisationId]))).rows as { number_suffix: string }[];
    if (!rows.length) throw new Error(`no organisation ${organisationId}`);
    return rows[0].number_suffix;
  }

  async query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return (await this.session.query({ text: sql, values: params })).rows as Record<string, unknown>[];
  }

  /** The write and, when this store drives the transaction, the COMMIT right behind it in the same pipeline. */
  async write(t: DecidedTransition): Promise<Issued | null> {
    const { text, values } = transitionWriteSql(t);
    const [written] = this.commits
      ? await pipelined(this.session, prepared(text, values), 'COMMIT')
      : [await this.session.query(prepared(text, values))];
    this.written = true;
    const row = written.rows[0] as Record<string, unknown>;
    return t.issue ? { number: Number(row['number']), numberText: String(row['number_text']) } : null;
  }
}

/**
 * The PostgreSQL adapter of ReportStore: all the SQL of a transition, in two round trips
 * (BEGIN + lock + one JSON read; one write statement with CTEs + COMMIT), every value a bound
 * parameter. The connection comes from the DataSource's pool (PostgresDriver's public
 * `obtainMasterConnection`) and the transaction is driven on it directly: TypeORM is not involved.
 */
@Injectable()
export class PgReportStore extends ReportStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async locked<T>(
    reportId: string,
    userId: string | null,
    work: (tx: ReportTx, report: ReportEntity | null, context: EventContext) => Promise<T>,
  ): Promise<T> {
    const [client, release] = (await (this.ds.driver as PostgresDriver).obtainMasterConnection()) as [PoolClient, (err?: unknown) => void];
    const tx = new PgReportTx(client, true);
    let broken: unknown;
    try {
      const [, lock, read] = await pipelined(
        client,
        'BEGIN',
        prepared(LOCK_REPORT, [reportId]),
        prepared(READ_FOR_EVENT, [reportId, userId]),
      );
      const report = lock.rows.length ? reportFromRow(lock.rows[0] as Record<string, unknown>) : null;
      const result = await work(tx, report, contextFromResult(read));
      if (!tx.written) throw new Error('transition neither written nor refused');
      return result;
    } catch (e) {
      if (!tx.written) await client.query('ROLLBACK').catch((err: unknown) => (broken = err));
      throw e;
    } finally {
      release(broken);
    }
  }

  async within(em: EntityManager): Promise<ReportTx> {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('ReportStore.within needs a transaction');
    return new PgReportTx((await runner.connect()) as PoolClient, false);
  }
}
