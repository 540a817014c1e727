import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Role, UnitCode } from '@trinhky/domain';
import type { NotifyTarget } from '@trinhky/workflow';
import { Observable, Subject, filter, map, merge } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxEntity, UserEntity } from '../database/entities';
import { PdfService } from '../documents/pdf.service';
import { DELIVER_TOPIC, DeliveryService, type DeliverPayload } from '../exchange/delivery.service';
import { pgConnectionSettings, poolSettings } from '../database/data-source';
import { PgListener, type ListenerStatus } from './listener';
import { CHANNEL, pushInTransaction, type PushedEvent } from './push';

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

  /** Delivers due outbox rows until none is left. */
  private async drain(): Promise<void> {
    for (;;) {
      let failedRow: string | null = null;
      const count = await this.ds
        .transaction(async (em) => {
          const rows = await this.claim(em);
          const users = new Map<string, UserEntity[]>();
          const out = new Deliveries();
          for (const row of rows) {
            failedRow = row.id;
            await this.handle(em, row, users, out);
          }
          failedRow = null;
          await out.write(em);
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
      if (count < BATCH || this.closed) return;
    }
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
          const out = new Deliveries();
          await this.handle(em, r, new Map(), out);
          await out.write(em);
          await em.query('UPDATE outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1', [r.id]);
        } catch (e) {
          await em.query('ROLLBACK TO SAVEPOINT outbox_row');
          const attempts = r.attempts + 1;
          await em.query(
            `UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + ($4 || ' seconds')::interval WHERE id = $1`,
            [r.id, attempts, (e as Error).message.slice(0, 2000), String(Math.min(300, 2 ** attempts))],
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

  /** Does a row's work; notifications and pushes are collected in `out`, written by the caller in the same transaction. */
  private async handle(em: EntityManager, row: OutboxEntity, users: Map<string, UserEntity[]>, out: Deliveries): Promise<void> {
    const p = row.payload as Record<string, unknown>;
    switch (row.topic) {
      case 'notify': {
        const userIds = await this.resolve(em, row.organisationId, p['to'] as NotifyTarget, users);
        for (const userId of userIds)
          out.notifications.push({
            organisationId: row.organisationId,
            userId,
            reportId: (p['reportId'] as string | undefined) ?? null,
            message: p['message'] as string,
            outboxId: row.id,
          });
        if (userIds.length)
          out.pushes.push({
            organisationId: row.organisationId,
            userIds,
            type: 'notification',
            reportId: p['reportId'] as string,
            message: p['message'] as string,
          });
        return;
      }
      case 'pdf.freeze':
        await this.pdf.freeze(em, p['reportId'] as string, p['kind'] as 'signed' | 'issued', p['revision'] as number);
        return;
      case DELIVER_TOPIC:
        await this.delivery.deliver(em, p as unknown as DeliverPayload);
        return;
      default:
        throw new Error(`unknown outbox topic ${row.topic}`);
    }
  }

  private async resolve(em: EntityManager, organisationId: string, to: NotifyTarget, cache: Map<string, UserEntity[]>): Promise<string[]> {
    if ('userId' in to) return [to.userId];
    let users = cache.get(organisationId);
    if (!users) {
      users = await em
        .getRepository(UserEntity)
        .find({ where: { organisationId, active: true }, select: { id: true, roles: true, unitCode: true } });
      cache.set(organisationId, users);
    }
    return users.filter((u) => u.roles.includes(to.role as Role) && (!to.unit || u.unitCode === (to.unit as UnitCode))).map((u) => u.id);
  }
}

/**
 * What delivering a batch of outbox rows writes: inbox notifications (one INSERT for all of them)
 * and pushes (one statement of NOTIFYs, transactional: heard only if the transaction commits).
 */
class Deliveries {
  readonly notifications: { organisationId: string; userId: string; reportId: string | null; message: string; outboxId: string }[] = [];
  readonly pushes: PushedEvent[] = [];

  async write(em: EntityManager): Promise<void> {
    const n = this.notifications;
    if (n.length) {
      await em.query(
        `INSERT INTO notifications (organisation_id, user_id, report_id, message, outbox_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[])
         ON CONFLICT (outbox_id, user_id) DO NOTHING`,
        [
          n.map((x) => x.organisationId),
          n.map((x) => x.userId),
          n.map((x) => x.reportId),
          n.map((x) => x.message),
          n.map((x) => x.outboxId),
        ],
      );
    }
    if (this.pushes.length === 1) await pushInTransaction(em, this.pushes[0]);
    else if (this.pushes.length)
      await em.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) WITH ORDINALITY AS x(p, n) ORDER BY n', [
        CHANNEL,
        this.pushes.map((e) => JSON.stringify(e)),
      ]);
  }
}
