/**
 * Is a delegation (KT./TM./TL./TUQ./Q.) valid — for this delegate, on this date, for this report
 * kind? One rule for the three callers: signing (`signingAuthority`: in force on the day of signing),
 * the admin API (a new delegation must be valid and still in force from today on) and the admin form
 * (the same answers, field by field, before the round trip). DOMAIN.md "Signing authority":
 * only the head delegates (a commune's Chủ tịch, a Sở's Giám đốc), a TUQ. is time-limited and not
 * re-delegable, KT./TM./Q. go to a deputy (Phó Chủ tịch, Phó Giám đốc), TM. only where the head leads
 * a collective body; dates are inclusive Vietnam calendar days.
 */
import { POSITION_TITLES, formatDateShortVi, type PositionCode } from '@trinhky/domain';
import type { Delegation } from '../contract';
import { type Leadership, LEADERSHIPS, leadershipOfHead, leadershipOfPosition } from './leadership';

export const DELEGATION_KINDS: readonly Delegation['kind'][] = ['KT', 'TM', 'TL', 'TUQ', 'Q'];

export const DELEGATION_NAMES: Record<Delegation['kind'], string> = {
  KT: 'ký thay (KT.)',
  TM: 'thay mặt (TM.)',
  TL: 'thừa lệnh (TL.)',
  TUQ: 'thừa ủy quyền (TUQ.)',
  Q: 'giữ quyền (Q.)',
};

/** The form field a problem belongs to (the API's and the web's field names). */
export type DelegationField = 'userId' | 'fromPosition' | 'validFrom' | 'validTo' | 'reportKinds';

export interface DelegationProblem {
  field: DelegationField;
  reason: string;
}

export interface DelegationCheck {
  /** yyyy-mm-dd, Vietnam calendar day. */
  day: string;
  /** 'on': in force on `day` (signing); 'from': in force on `day` or later (granting). Default 'on'. */
  mode?: 'on' | 'from';
  /** The report kind it is used for (signing); absent: any. */
  reportKind?: string;
}

/** What a grant request or the admin form holds (empty or null = absent). */
export interface DelegationFields {
  kind: Delegation['kind'];
  fromPosition?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  reportKinds?: readonly string[] | null;
}

/** The delegation a request describes: absent `fromPosition` is the Chủ tịch, empty dates and kinds are absent. */
export function toDelegation(f: DelegationFields): Delegation {
  return {
    kind: f.kind,
    fromPosition: (f.fromPosition || 'CHU_TICH') as PositionCode,
    ...(f.validFrom ? { validFrom: f.validFrom } : {}),
    ...(f.validTo ? { validTo: f.validTo } : {}),
    ...(f.reportKinds?.length ? { reportKinds: [...f.reportKinds] } : {}),
  };
}

/**
 * Why this delegation may not be granted to this person from `today` on (empty when it may): what the
 * admin API refuses and the admin form shows, field by field (`delegationProblems`, mode 'from').
 */
export function grantProblems(f: DelegationFields, delegate: { position: string }, today: string): DelegationProblem[] {
  return delegationProblems(toDelegation(f), delegate, { day: today, mode: 'from' });
}

/** Kinds only a deputy (Phó Chủ tịch, Phó Giám đốc) may receive (the others: any position other than the head's). */
const VICE_CHAIR_ONLY: readonly Delegation['kind'][] = ['KT', 'TM', 'Q'];

const title = (p: string): string => POSITION_TITLES[p as PositionCode] ?? p;

/** The leadership a delegation belongs to: its giver's position's, else its delegate's (a commune's by default). */
function leadershipFor(d: Delegation, delegate: { position: string }): Leadership {
  return (
    leadershipOfHead(d.fromPosition) ??
    leadershipOfPosition(d.fromPosition) ??
    leadershipOfPosition(delegate.position) ??
    LEADERSHIPS.committee
  );
}

/** Every problem of the delegation for this delegate and date, field by field; empty when valid. */
export function delegationProblems(d: Delegation, delegate: { position: string }, check: DelegationCheck): DelegationProblem[] {
  const out: DelegationProblem[] = [];
  const name = DELEGATION_NAMES[d.kind] ?? d.kind;
  const from = d.validFrom?.slice(0, 10);
  const to = d.validTo?.slice(0, 10);
  const l = leadershipFor(d, delegate);
  const head = title(l.head);
  if (d.fromPosition !== l.head) {
    out.push({
      field: 'fromPosition',
      reason: `Chỉ ${head} mới giao ủy quyền được (không phải ${title(d.fromPosition)}); người được ủy quyền cũng không được ủy quyền lại.`,
    });
  } else if (d.kind === 'TM' && !l.collective) {
    out.push({
      field: 'fromPosition',
      reason: `${head} không đứng đầu một tập thể: không có ký thay mặt (TM.); dùng ký thay (KT.) hoặc thừa ủy quyền (TUQ.).`,
    });
  }
  if (delegate.position === l.head) {
    out.push({ field: 'userId', reason: `${head} ký với thẩm quyền của mình, không cần ủy quyền.` });
  } else if (VICE_CHAIR_ONLY.includes(d.kind) && delegate.position !== l.deputy) {
    out.push({ field: 'userId', reason: `Chỉ ${title(l.deputy)} mới được ${name} ${head}.` });
  }
  if (d.kind === 'TUQ' && (!from || !to)) {
    const reason = 'Giấy ủy quyền (TUQ.) phải có thời hạn: cần ghi rõ cả từ ngày và đến ngày.';
    if (!from) out.push({ field: 'validFrom', reason });
    if (!to) out.push({ field: 'validTo', reason });
  }
  if (from && to && to < from) {
    out.push({ field: 'validTo', reason: 'Đến ngày phải trùng hoặc sau từ ngày.' });
  } else if ((check.mode ?? 'on') === 'from') {
    if (to && to < check.day) out.push({ field: 'validTo', reason: 'Đến ngày đã qua: ủy quyền mới phải còn hiệu lực từ hôm nay trở đi.' });
  } else {
    if (from && check.day < from)
      out.push({ field: 'validFrom', reason: `Việc ${name} chưa có hiệu lực (từ ngày ${formatDateShortVi(from)}).` });
    if (to && check.day > to) out.push({ field: 'validTo', reason: `Việc ${name} đã hết hạn ngày ${formatDateShortVi(to)}.` });
  }
  if (check.reportKind && d.reportKinds && d.reportKinds.length && !d.reportKinds.includes(check.reportKind)) {
    out.push({ field: 'reportKinds', reason: `Việc ${name} không bao gồm loại báo cáo ${check.reportKind}.` });
  }
  return out;
}

/** The first problem (the reason a user reads), or null when the delegation is valid. */
export function delegationProblemOn(d: Delegation, delegate: { position: string }, check: DelegationCheck): DelegationProblem | null {
  return delegationProblems(d, delegate, check)[0] ?? null;
}

/** A day inside the delegation's validity, as near `today` as possible: to show the block it gives. */
export function dayWithinDelegation(d: Pick<Delegation, 'validFrom' | 'validTo'>, today: string): string {
  const from = d.validFrom?.slice(0, 10);
  const to = d.validTo?.slice(0, 10);
  if (from && today < from) return from;
  if (to && today > to) return to;
  return today;
}
