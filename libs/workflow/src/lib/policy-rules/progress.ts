/**
 * Where an addressed organisation stands on a superior's request (or any report on the province
 * board), in the words the board shows: not opened, collecting, signed, submitted on time, late,
 * refused, received (and cancelled). One rule for the request's page and the board (issue 12).
 */
import { isIssuedState, reportDeadlineRuns } from './states';

export const REQUEST_PROGRESS = ['not_opened', 'collecting', 'signed', 'submitted', 'late', 'refused', 'received', 'cancelled'] as const;
export type RequestProgress = (typeof REQUEST_PROGRESS)[number];

export const REQUEST_PROGRESS_LABELS: Record<RequestProgress, string> = {
  not_opened: 'Chưa mở',
  collecting: 'Đang thu thập',
  signed: 'Đã ký',
  submitted: 'Đã nộp đúng hạn',
  late: 'Nộp muộn',
  refused: 'Bị từ chối',
  received: 'Đã tiếp nhận',
  cancelled: 'Đã hủy',
};

export interface ProgressFacts {
  /** The report's state; null: not opened yet. */
  state: string | null;
  /** The deadline (yyyy-mm-dd). */
  deadline: string;
  /** The first submission's day in Vietnam (yyyy-mm-dd), if any. */
  submittedOn: string | null;
  /** The receiving agency refused the last revision sent and the report is being redone. */
  refused: boolean;
  today: string;
}

export function requestProgress(f: ProgressFacts): RequestProgress {
  if (f.state === null) return 'not_opened';
  if (f.state === 'cancelled') return 'cancelled';
  if (!reportDeadlineRuns(f.state)) {
    // Sent: received by the superior (final), or waiting for its answer.
    if (f.state !== 'submitted') return 'received';
    return (f.submittedOn ?? f.today) > f.deadline ? 'late' : 'submitted';
  }
  if (f.refused) return 'refused';
  if (f.state === 'signed' || isIssuedState(f.state)) return 'signed';
  return 'collecting';
}

/**
 * Days left until the deadline (negative: days overdue), while the deadline runs; null once the
 * report is sent or cancelled. Calendar days, Vietnam's dates.
 */
export function daysLeftOfDeadline(state: string | null, deadline: string, today: string): number | null {
  if (state !== null && !reportDeadlineRuns(state)) return null;
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
