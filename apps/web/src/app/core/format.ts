/** Vietnamese date and number display for the screens (the document formats live in libs/domain). */
import { formatDateShortVi, formatNumberVi } from '@trinhky/domain';

export { formatNumberVi };

const pad = (n: number): string => String(n).padStart(2, '0');

/** "05/01/2026" from an ISO date or timestamp; "—" when empty. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDateShortVi(iso);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "14:05 05/01/2026" (local time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Today's date as yyyy-mm-dd in local time. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `today` to `deadline` (negative when overdue). */
export function daysLeft(deadline: string, today: string = todayIso()): number {
  const a = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10));
  const b = Date.UTC(+deadline.slice(0, 4), +deadline.slice(5, 7) - 1, +deadline.slice(8, 10));
  return Math.round((b - a) / 86_400_000);
}

/** "còn 3 ngày", "hạn hôm nay", "quá hạn 2 ngày". */
export function deadlineText(deadline: string | null | undefined, today: string = todayIso()): string {
  if (!deadline) return '';
  const n = daysLeft(deadline.slice(0, 10), today);
  if (n > 0) return `còn ${formatNumberVi(n)} ngày`;
  if (n === 0) return 'hạn hôm nay';
  return `quá hạn ${formatNumberVi(-n)} ngày`;
}
