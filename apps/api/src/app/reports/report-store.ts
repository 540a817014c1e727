import type { EntityManager } from 'typeorm';
import type { ChainHead } from '../audit/audit.service';
import type { AuditEntryEntity, ReportEntity, SectionEntity } from '../database/entities';
import type { PushedEvent } from '../notifications/push';
import type { ActorRow } from '../organisation/people.service';
import type { RegisterInput } from '../register/register-sql';

/** What an event needs besides the locked report row, read after the lock was taken. */
export interface EventContext {
  /** The user and their delegations (`actorJson`), null when none was asked for or found. */
  user: ActorRow | null;
  sections: SectionEntity[];
  /** The head of the report's audit chain (null: the chain is empty). */
  head: ChainHead | null;
}

/** An outbox row written with the transition (delivered after the commit). */
export interface OutboxRow {
  topic: string;
  payload: Record<string, unknown>;
}

/** A transition the workflow decided, as the store writes it: everything in one statement. */
export interface DecidedTransition {
  /** The report with its new state, snapshot, version and fields. */
  report: ReportEntity;
  /** The sections whose state, snapshot or fields changed. */
  sections: SectionEntity[];
  audit: AuditEntryEntity;
  outbox: OutboxRow[];
  /** An outgoing register number to issue (the `assign_number` effect). */
  issue: RegisterInput | null;
  /** Set: mark the report's register entry dispatched at this time. */
  dispatchedAt: Date | null;
  /** Relayed to every API instance (NOTIFY), only if the transaction commits. */
  pushed: PushedEvent;
}

/** The register number the write took (for an issue). */
export interface Issued {
  number: number;
  numberText: string;
}

/** One transaction holding a report's row lock. */
export interface ReportTx {
  /** Does `superiorId` supervise the organisation `organisationId`? */
  supervises(organisationId: string, superiorId: string): Promise<boolean>;
  /** The user (when `userId`), the sections and the audit chain's head (`locked` reads them with the lock). */
  read(reportId: string, userId: string | null): Promise<EventContext>;
  /** The register number suffix of an organisation ("UBND"). */
  numberSuffix(organisationId: string): Promise<string>;
  /** A read inside the transaction (bound parameters), for what a decision needs besides the event context (figures). */
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** The last round trip: every write of the transition; commits when this store drives the transaction. */
  write(t: DecidedTransition): Promise<Issued | null>;
}

/**
 * The port through which transitions reach the database (adapter: PgReportStore). `locked` runs
 * `work` in a transaction of its own, holding the report's row lock; `within` gives the same
 * operations inside a transaction the caller drives and has locked the report in (the scheduler).
 */
export abstract class ReportStore {
  /**
   * BEGIN, the report row's lock and, once it is held, the event context (`read` for `userId`), in one
   * round trip; `report` is null when there is no such report. Rolls back unless `work` wrote.
   */
  abstract locked<T>(
    reportId: string,
    userId: string | null,
    work: (tx: ReportTx, report: ReportEntity | null, context: EventContext) => Promise<T>,
  ): Promise<T>;
  abstract within(em: EntityManager): Promise<ReportTx>;
}
