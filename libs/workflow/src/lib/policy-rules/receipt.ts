/**
 * Incoming documents between agencies (DOMAIN.md "Requests and receipt between agencies", Nghị định 30,
 * Điều 20–24): who records a dispatched report's receipt or refusal, and when. The API (the incoming
 * register's actions) and the web (the buttons of Sổ văn bản đến) ask these functions.
 */
import type { ReceivingAgency } from '../contract';
import { receiptRecorderProblem } from '../guards';

/** An entry of an incoming register as these rules read it. */
export interface ArrivalFacts {
  /** The receiving organisation (whose register holds the entry). */
  organisationId: string;
  status: ArrivalStatus;
}

export type ArrivalStatus = 'arrived' | 'received' | 'refused';
export const ARRIVAL_STATUSES: readonly ArrivalStatus[] = ['arrived', 'received', 'refused'];
export const ARRIVAL_STATUS_LABELS: Record<ArrivalStatus, string> = {
  arrived: 'Đã đến, chờ tiếp nhận',
  received: 'Đã tiếp nhận',
  refused: 'Đã từ chối tiếp nhận',
};

export interface ArrivalActor {
  organisationId: string;
  roles: readonly string[];
}

export type ArrivalAction = 'receive' | 'refuse';

/** `not_found`: another agency's register (it may not even know the entry exists); `conflict`: already answered. */
export type ArrivalAnswer = { ok: true } | { ok: false; code: 'not_found' | 'forbidden' | 'conflict' | 'invalid'; reason: string };

/** May `actor` receive or refuse `entry` now (with `reason` for a refusal)? */
export function mayAnswerArrival(actor: ArrivalActor, entry: ArrivalFacts, action: ArrivalAction, reason?: string | null): ArrivalAnswer {
  if (actor.organisationId !== entry.organisationId) return { ok: false, code: 'not_found', reason: 'Không tìm thấy văn bản đến.' };
  // The same rule as the report machine's guard on `acknowledge`/`refuse`.
  const who = receiptRecorderProblem(actor, { organisationId: entry.organisationId, name: 'cơ quan nhận' });
  if (who) return { ok: false, code: 'forbidden', reason: who.reason };
  if (entry.status !== 'arrived')
    return {
      ok: false,
      code: 'conflict',
      reason: `Văn bản này ${entry.status === 'received' ? 'đã được tiếp nhận' : 'đã bị từ chối tiếp nhận'}; không ghi nhận lại.`,
    };
  if (action === 'refuse' && !reason?.trim()) return { ok: false, code: 'invalid', reason: 'Cần nhập lý do từ chối tiếp nhận.' };
  return { ok: true };
}

/** Who records the receiving agency's answer: its own văn thư (in the system) or the sender's (by hand, outside it). */
export function receiptRecordedBy(receiver: ReceivingAgency | null): 'receiver' | 'sender' {
  return receiver ? 'receiver' : 'sender';
}

/** A delivery still on its way, as {@link mayRetryDelivery} reads it. */
export interface PendingDeliveryFacts {
  /** The sending organisation (whose report was dispatched). */
  organisationId: string;
}

export type RetryAnswer = { ok: true } | { ok: false; code: 'not_found' | 'forbidden'; reason: string };

/**
 * May `actor` ask for a pending delivery to be tried again now (rather than at its next scheduled
 * attempt)? The sender's văn thư, who dispatched it; another agency does not see the delivery at all.
 */
export function mayRetryDelivery(actor: ArrivalActor, delivery: PendingDeliveryFacts): RetryAnswer {
  if (actor.organisationId !== delivery.organisationId) return { ok: false, code: 'not_found', reason: 'Không tìm thấy lần gửi này.' };
  if (!actor.roles.includes('clerk'))
    return { ok: false, code: 'forbidden', reason: 'Chỉ văn thư của cơ quan gửi mới yêu cầu gửi lại được.' };
  return { ok: true };
}
