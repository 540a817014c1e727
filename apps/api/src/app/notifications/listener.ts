import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

export type ListenerStatus = 'connecting' | 'listening' | 'reconnecting' | 'closed';

export interface ListenerOptions {
  connectionString: string;
  channel: string;
  /** Extra node-postgres settings (connect timeout, keep-alive). */
  client?: Partial<ClientConfig>;
  onNotification(payload: string): void;
  /** Called after the connection came back: notifications sent meanwhile were lost, clients must refetch. */
  onResubscribed(): void;
  /** First and longest back-off between reconnection attempts (ms). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel and survives the server going away:
 * on an error or the end of the connection it reconnects with exponential back-off (with jitter) and
 * LISTENs again, then tells its owner so the streams it feeds can ask their clients to resync.
 */
export class PgListener {
  private readonly log = new Logger('Listen');
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private everConnected = false;
  status: ListenerStatus = 'connecting';
  /** When the current outage began (null while listening). */
  downSince: Date | null = null;

  constructor(private readonly opts: ListenerOptions) {}

  /** Connects once; on failure keeps retrying in the background (never throws). */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.status = 'closed';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private isClosed(): boolean {
    return this.status === 'closed';
  }

  private async connect(): Promise<void> {
    if (this.status === 'closed') return;
    const client = new Client({
      connectionString: this.opts.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      ...this.opts.client,
    });
    let failed = false;
    const lost = (why: string): void => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.status === 'closed') return;
      this.log.warn(`LISTEN connection lost: ${why}; reconnecting`);
      this.scheduleReconnect();
    };
    client.on('error', (e: Error) => lost(e.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (n) => {
      if (n.channel === this.opts.channel && n.payload) this.opts.onNotification(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.opts.channel}`);
    } catch (e) {
      lost((e as Error).message);
      return;
    }
    if (failed || this.isClosed()) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // After any outage (even one at start-up) notifications may have been missed.
    const resumed = this.downSince !== null;
    this.everConnected = true;
    this.attempt = 0;
    this.status = 'listening';
    this.downSince = null;
    if (resumed) {
      this.log.log('LISTEN connection restored');
      this.opts.onResubscribed();
    }
  }

  private scheduleReconnect(): void {
    if (this.status === 'closed' || this.timer) return;
    this.status = this.everConnected ? 'reconnecting' : 'connecting';
    this.downSince ??= new Date();
    const min = this.opts.minDelayMs ?? 250;
    const max = this.opts.maxDelayMs ?? 15_000;
    const delay = Math.min(max, min * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    this.timer.unref();
  }
}
