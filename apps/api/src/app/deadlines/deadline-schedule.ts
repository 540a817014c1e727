import { addWorkingDays } from '@trinhky/domain';

/** Reminders go out this many working days before a deadline, at 08:00 Vietnam time. */
export const REMINDER_WORKING_DAYS = 2;

const vnMidnightUtc = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00+07:00`);

/** When to remind about a deadline: 08:00 (UTC+7) two working days before it. */
export function reminderAt(deadline: string): Date {
  return new Date(vnMidnightUtc(addWorkingDays(deadline, -REMINDER_WORKING_DAYS)) + 8 * 3600_000);
}

/** A deadline is missed at the end of its day (00:00 UTC+7 the day after). */
export function overdueAt(deadline: string): Date {
  return new Date(vnMidnightUtc(deadline) + 24 * 3600_000);
}

/** The next moment the sweeper must look at a deadline, given what was already sent; null when done. */
export function nextCheck(
  deadline: string,
  sent: 'none' | 'reminder' | 'overdue',
  now: Date,
): { at: Date; kind: 'reminder' | 'overdue' } | null {
  if (sent === 'overdue') return null;
  const due = overdueAt(deadline);
  if (sent === 'none' && now < due) return { at: reminderAt(deadline), kind: 'reminder' };
  return { at: due, kind: 'overdue' };
}
