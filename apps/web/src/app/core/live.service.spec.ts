/**
 * A burst of live changes reloads the lists (and the menu's inbox) at most once per LIST_RELOAD_MS: the first change
 * at once, the rest of the burst together at the end of the spell, none lost; a page of one report still sees every
 * change. The stream is a stand-in EventSource (jsdom has none); the signals and timers are Angular's and RxJS's own.
 */
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApiService } from './api.service';
import { AuthService } from './auth.service';
import { LIST_RELOAD_MS, LiveService } from './live.service';

class FakeEventSource {
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((m: MessageEvent<string>) => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  push(data: unknown): void {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const change = (version: number) => ({ type: 'report.changed', organisationId: 'o1', reportId: 'r1', state: 'collecting', version });

describe('LiveService', () => {
  let inboxCalls: number;
  let live: LiveService;
  let token: ReturnType<typeof signal<string | null>>;

  beforeEach(() => {
    jest.useFakeTimers();
    (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
    inboxCalls = 0;
    token = signal<string | null>('tok');
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { token, refresh: async () => undefined } },
        { provide: ApiService, useValue: { inbox: async () => (inboxCalls++, { items: [], total: 0, requests: [], arrivals: 0 }) } },
      ],
    });
    live = TestBed.inject(LiveService);
    TestBed.tick(); // the constructor's effect: opens the stream and loads the inbox once
  });

  afterEach(() => {
    jest.useRealTimers();
    delete (globalThis as { EventSource?: unknown }).EventSource;
  });

  it('reloads lists once at the first change and once more for the rest of a burst, not once per change', () => {
    const es = FakeEventSource.last as FakeEventSource;
    expect(es.url).toBe('/api/notifications/stream?access_token=tok');
    expect(inboxCalls).toBe(1);
    expect(live.listChanged()).toBe(0);

    es.push(change(2));
    expect(live.listChanged()).toBe(1); // at once: a quiet page answers the first change without delay
    expect(inboxCalls).toBe(2);
    for (let v = 3; v <= 40; v++) {
      es.push(change(v));
      jest.advanceTimersByTime(20);
    }
    expect(live.lastChange()).toMatchObject({ reportId: 'r1', version: 40 }); // a report's page sees every change
    expect(live.listChanged()).toBe(1);
    jest.advanceTimersByTime(LIST_RELOAD_MS);
    expect(live.listChanged()).toBe(2); // the burst's other 38 changes: one reload at the end of the spell
    expect(inboxCalls).toBe(3);

    jest.advanceTimersByTime(10 * LIST_RELOAD_MS);
    expect(live.listChanged()).toBe(2); // nothing pending: nothing more
    expect(inboxCalls).toBe(3);
  });

  it('keeps reloading during an endless stream of changes (at most once per spell, never starved)', () => {
    const es = FakeEventSource.last as FakeEventSource;
    for (let i = 0; i < 100; i++) {
      es.push(change(i + 2));
      jest.advanceTimersByTime(100); // 10 s of a change every 100 ms: a trailing-only debounce would never fire
    }
    expect(live.listChanged()).toBeGreaterThanOrEqual(9);
    expect(live.listChanged()).toBeLessThanOrEqual(11);
  });

  it('does not ask for the inbox when a burst ends after the user logged out', () => {
    const es = FakeEventSource.last as FakeEventSource;
    es.push(change(2));
    es.push(change(3));
    expect(inboxCalls).toBe(2);
    token.set(null);
    TestBed.tick();
    expect(es.readyState).toBe(FakeEventSource.CLOSED);
    jest.advanceTimersByTime(LIST_RELOAD_MS);
    expect(live.listChanged()).toBe(2); // the pending change still settles the lists
    expect(inboxCalls).toBe(2);
    expect(live.inbox()).toBeNull();
  });

  it('ignores keep-alive pings and unreadable messages', () => {
    const es = FakeEventSource.last as FakeEventSource;
    es.push({ type: 'ping' });
    es.onmessage?.({ data: 'not json' } as MessageEvent<string>);
    jest.advanceTimersByTime(5 * LIST_RELOAD_MS);
    expect(live.listChanged()).toBe(0);
    expect(live.lastChange()).toBeNull();
    expect(inboxCalls).toBe(1);
  });
});
