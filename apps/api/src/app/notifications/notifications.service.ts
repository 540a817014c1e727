import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject, filter, map, merge } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxEntity } from '../database/entities';
import { PdfService } from '../documents/pdf.service';
import { DeliveryService } from '../exchange/delivery.service';
import { pgConnectionSettings, poolSettings } from '../database/data-source';
import { PgListener, type ListenerStatus } from './listener';
import { deliveryErrorText } from './delivery-problem';
import { deliverRow } from './outbox-delivery';
import { NOTIFY_DRAIN_PARAMS, NOTIFY_DRAIN_SQL, type NotifyDrainResult } from './notify-drain';
import { CHANNEL, type PushedEvent } from './push';

const BATCH = 50;

/**
 * Delivers the outbox after commit: notifications into users' inboxes, frozen PDFs, and a push to
 * every API instance through PostgreSQL LISTEN/NOTIFY, which feeds the server-sent-events streams.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, failures are retried with back-off, and a row is
 * marked delivered only in the transaction that did its work, so nothing is lost on a crash.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Outbox');
  private readonly events = new Subject<PushedEvent>();
  /** To every stream: the LISTEN connection came back, events may have been missed, refetch. */
  private readonly resyncs = new Subject<{ type: 'resync'; reason: string }>();
  private listener: PgListener | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly ds: DataSource,
    private readonly pdf: PdfService,
    private readonly delivery: DeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const opts = this.ds.options as { url?: string };
    const { connectionTimeoutMillis, keepAlive } = pgConnectionSettings(poolSettings()) as {
      connectionTimeoutMillis: number;
      keepAlive: boolean;
    };
    this.listener = new PgListener({
      connectionString: opts.url ?? '',
      channel: CHANNEL,
      client: { connectionTimeoutMillis: connectionTimeoutMillis || 5000, keepAlive },
      minDelayMs: Number(process.env['LISTEN_RETRY_MIN_MS'] || 250),
      maxDelayMs: Number(process.env['LISTEN_RETRY_MAX_MS'] || 15_000),
      onNotification: (payload) => {
        try {
          this.events.next(JSON.parse(payload) as PushedEvent);
        } catch {
          this.log.warn('ignored a malformed push');
        }
      },
      onResubscribed: () => {
        this.resyncs.next({ type: 'resync', reason: 'listener_reconnected' });
        this.kick();
      },
    });
    await this.listener.start();
    this.timer = setInterval(() => this.kick(), Number(process.env['OUTBOX_POLL_MS'] || 2000));
    this.timer.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining?.catch(() => undefined);
    await this.listener?.close();
  }

  /** The LISTEN connection's state (health). */
  listenerStatus(): ListenerStatus {
    return this.listener?.status ?? 'connecting';
  }

  /** The stream of one user: events of their organisation addressed to everyone or to them. */
  stream(organisationId: string, userId: string): Observable<{ data: PushedEvent | { type: 'resync'; reason: string } }> {
    return merge(
      this.events.pipe(
        filter((e) => e.organisationId === organisationId && (!e.userIds || e.userIds.includes(userId))),
        map((e) => ({ data: e })),
      ),
      this.resyncs.pipe(map((e) => ({ data: e }))),
    );
  }

  /** Starts a drain now (coalesced with one in flight). */
  kick(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((e: Error) => this.log.error(e.message))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for a delivery in flight, then delivers whatever is still due (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    await this.drain();
    // A delivery started meanwhile may hold rows our drain skipped (SKIP LOCKED): wait for it too.
    while (this.draining) await this.draining;
  }

  /** Delivers due outbox rows until none is left: `notify` rows in one statement each batch, the others row by row. */
  private async drain(): Promise<void> {
    for (;;) {
      const fast = await this.drainNotify();
      if (this.closed) return;
      if (fast && !fast.others) {
        if (fast.claimed < BATCH) return;
        continue;
      }
      // Other topics are due, or the one statement failed (a bad row): the batch path, which isolates a failing row;
      // then again while either path found a full batch.
      if ((await this.drainBatch()) && (!fast || fast.claimed < BATCH)) return;
    }
  }

  /** One statement (`NOTIFY_DRAIN_SQL`); null when it failed and nothing of it was kept. */
  private async drainNotify(): Promise<NotifyDrainResult | null> {
    try {
      const [row]: NotifyDrainResult[] = await this.ds.query(NOTIFY_DRAIN_SQL, NOTIFY_DRAIN_PARAMS(BATCH));
      return row;
    } catch (e) {
      this.log.warn(`outbox notify batch failed: ${(e as Error).message}; retrying row by row`);
      return null;
    }
  }

  /** Delivers one batch of due rows of any topic; true when fewer than a batch were due (nothing is left). */
  private async drainBatch(): Promise<boolean> {
    let failedRow: string | null = null;
    const count = await this.ds
      .transaction(async (em) => {
        const rows = await this.claim(em);
        for (const row of rows) {
          failedRow = row.id;
          await deliverRow(em, row, { pdf: this.pdf, delivery: this.delivery });
        }
        failedRow = null;
        if (rows.length)
          await em.query('UPDATE outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [
            rows.map((r) => r.id),
          ]);
        return rows.length;
      })
      .catch(async (e: Error) => {
        // The batch rolled back: deliver its rows one by one so one failure cannot hold the others.
        this.log.warn(`outbox batch failed at row ${failedRow}: ${e.message}; retrying row by row`);
        return this.drainOneByOne();
      });
    return count < BATCH || this.closed;
  }

  private claim(em: EntityManager, limit = BATCH): Promise<OutboxEntity[]> {
    return em
      .getRepository(OutboxEntity)
      .createQueryBuilder('o')
      .where('o.delivered_at IS NULL AND o.next_attempt_at <= now()')
      .orderBy('o.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  private async drainOneByOne(): Promise<number> {
    let n = 0;
    for (let i = 0; i < BATCH; i++) {
      const row = await this.ds.transaction(async (em) => {
        const [r] = await this.claim(em, 1);
        if (!r) return null;
        try {
          await em.query('SAVEPOINT outbox_row');
          await deliverRow(em, r, { pdf: this.pdf, delivery: this.delivery });
          await em.query('UPDATE outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1', [r.id]);
        } catch (e) {
          await em.query('ROLLBACK TO SAVEPOINT outbox_row');
          const attempts = r.attempts + 1;
          await em.query(
            `UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + ($4 || ' seconds')::interval WHERE id = $1`,
            [r.id, attempts, deliveryErrorText(e), String(Math.min(300, 2 ** attempts))],
          );
          this.log.warn(`outbox ${r.id} (${r.topic}) failed, attempt ${attempts}: ${(e as Error).message}`);
        }
        return r;
      });
      if (!row) break;
      n++;
    }
    return n;
  }
}
