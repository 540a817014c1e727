import { DestroyRef, Injectable, NgZone, computed, effect, inject, signal } from '@angular/core';
import { Subject, asyncScheduler, throttleTime } from 'rxjs';
import { ApiService } from './api.service';
import { AuthService } from './auth.service';
import type { InboxPage, PushedEventDto } from '@trinhky/contracts';

/** What the stream pushed (a report changed, `resync`: the server may have lost events), as pages read it. */
export type ReportChange = PushedEventDto;

/** After the stream was refused (its reconnect answered 401/503), try again this much later. */
const REOPEN_MS = 5_000;
/**
 * Lists (Việc của tôi, the menu's count, the report list, the board, the registers) reload at most once per
 * this many ms: the first change of a quiet spell at once, a burst's later ones together at the end of the spell.
 * A commune's busy hour (or a province's compiling week) sends several changes a second to every open browser.
 */
export const LIST_RELOAD_MS = 1_000;

/**
 * Live updates: the server-sent-events stream (token as ?access_token=) and the user's inbox. A page of one
 * report reads `lastChange` (every change, with its report and version, to reload only for its own report);
 * a list reads `listChanged`, which moves at most once per LIST_RELOAD_MS (the inbox is reloaded with it).
 */
@Injectable({ providedIn: 'root' })
export class LiveService {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly zone = inject(NgZone);
  private source: EventSource | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly changes = new Subject<void>();

  /** The first page of Việc của tôi (the menu's count: every item and open request). */
  readonly inbox = signal<InboxPage | null>(null);
  readonly inboxError = signal<string | null>(null);
  readonly inboxCount = computed(() => {
    const p = this.inbox();
    return p ? p.total + p.requests.length + p.arrivals : 0;
  });
  readonly lastChange = signal<ReportChange | null>(null);
  /** 0 until the first change; then how many times lists should have reloaded (throttled, see LIST_RELOAD_MS). */
  readonly listChanged = signal(0);
  readonly connected = signal(false);

  constructor() {
    const lists = this.changes.pipe(throttleTime(LIST_RELOAD_MS, asyncScheduler, { leading: true, trailing: true })).subscribe(() => {
      this.listChanged.update((n) => n + 1);
      // A burst's trailing reload may come after the user logged out: no inbox to ask for then.
      if (this.auth.token()) void this.reloadInbox();
    });
    inject(DestroyRef).onDestroy(() => lists.unsubscribe());
    effect(() => {
      const token = this.auth.token();
      this.close();
      if (token) {
        this.open(token);
        void this.reloadInbox();
      } else {
        this.inbox.set(null);
      }
    });
  }

  async reloadInbox(): Promise<void> {
    try {
      this.inbox.set(await this.api.inbox());
      this.inboxError.set(null);
    } catch {
      this.inboxError.set('Không tải được danh sách việc.');
    }
  }

  /** `afterBreak`: events may have been missed, so pages reload once the stream is open. */
  private open(token: string, afterBreak = false): void {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(`/api/notifications/stream?access_token=${encodeURIComponent(token)}`);
    this.source = es;
    let lost = afterBreak;
    es.onopen = () => {
      this.connected.set(true);
      // Reconnected after a break: events may have been missed meanwhile, so refetch like on "resync".
      if (lost) this.zone.run(() => this.resync());
      lost = false;
    };
    es.onerror = () => {
      lost = true;
      this.connected.set(false);
      // The browser gives up when a reconnect is answered with an error status (401 for a deactivated
      // account, 503 while the database is down): ask /api/me (a 401 there ends the session with the
      // API's reason) and, while still logged in, open the stream again.
      if (es.readyState === EventSource.CLOSED) this.reopenLater(token);
    };
    es.onmessage = (msg: MessageEvent<string>) => {
      let data: ReportChange;
      try {
        data = JSON.parse(msg.data) as ReportChange;
      } catch {
        return;
      }
      if (data.type === 'ping') return;
      this.zone.run(() => {
        this.lastChange.set(data);
        this.changes.next();
      });
    };
  }

  private reopenLater(token: string): void {
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      void this.auth
        .refresh()
        .catch(() => undefined)
        .then(() => {
          if (this.auth.token() !== token || this.source?.readyState !== EventSource.CLOSED) return;
          this.open(token, true);
        });
    }, REOPEN_MS);
  }

  /** The server lost events (its database restarted) or we lost the stream: every page reloads. */
  private resync(): void {
    this.lastChange.set({ type: 'resync' });
    this.changes.next();
  }

  private close(): void {
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
    this.source?.close();
    this.source = null;
    this.connected.set(false);
  }
}
