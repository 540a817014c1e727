/**
 * The workflow's answer on one report for one actor on one day, kept between requests of "Việc của tôi".
 *
 * What `offeredEvents` decides from is written only by a transition, which bumps `reports.version` in the
 * same statement (the report's state, policy and context; its parts' states, units, assignees and
 * submitters — `pg-transition-write.ts`; nothing else updates them), and the guards read the actor and the
 * day (delegations are valid per day in Vietnam). So an answer keyed by (actor, day) and checked against the
 * report's version is the answer `offeredEvents` would give now, on any API instance. What changes without a
 * transition is not kept: overdue flags (the sweeper) are read fresh on every request, and a report whose
 * answer needed its receiver (receipt by the sender's clerk, which depends on the recipients) is decided
 * again each time. Part deadlines are set when the report is created and never changed.
 */
import { todayInVietnam } from '@trinhky/domain';
import type { AllowedEvent, WorkflowActor } from '@trinhky/workflow';

/** One future item of a report: its part (none: the report's own events) and the events offered on it. */
export interface DecidedPart {
  /** The part's id, state and deadline (ISO date); none for the report's own events (its deadline is read from its row). */
  section?: { id: string; state: string; deadline: string };
  events: AllowedEvent[];
}

export interface Decided {
  version: number;
  parts: DecidedPart[];
}

/** Actors kept (least recently asked dropped first): a few hundred users' answers on their open reports. */
const ACTORS = 500;

export class InboxMemo {
  private readonly books = new Map<string, Map<string, Decided>>();

  /** The answers kept for this actor today (created empty); the caller replaces them with this request's. */
  book(actor: WorkflowActor, now: Date): Map<string, Decided> {
    const key = `${todayInVietnam(now)} ${JSON.stringify(actor)}`;
    let book = this.books.get(key);
    if (book) this.books.delete(key);
    else book = new Map();
    this.books.set(key, book);
    if (this.books.size > ACTORS) this.books.delete(this.books.keys().next().value as string);
    return book;
  }
}
