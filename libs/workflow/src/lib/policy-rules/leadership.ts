/**
 * Who "the chair" and "a vice-chair" of a routing policy are: a People's Committee's Chủ tịch and Phó
 * Chủ tịch (a collective body: "TM. ỦY BAN NHÂN DÂN"), or a Sở's Giám đốc and Phó Giám đốc (chế độ thủ
 * trưởng: the Giám đốc signs in his own name, a Phó Giám đốc "KT. GIÁM ĐỐC"). DOMAIN.md "Signing authority".
 */
import { POSITION_TITLES, type PositionCode } from '@trinhky/domain';
import type { LeadershipKind, RoutingPolicy } from '../contract';

export interface Leadership {
  kind: LeadershipKind;
  /** The head whose authority is exercised ("KT. CHỦ TỊCH", "KT. GIÁM ĐỐC"). */
  head: PositionCode;
  /** The deputies (each in charge of some fields), who sign "KT." the head. */
  deputy: PositionCode;
  /** A collective body: the head and deputies sign under "TM. <body>". */
  collective: boolean;
}

export const LEADERSHIPS: Readonly<Record<LeadershipKind, Leadership>> = {
  committee: { kind: 'committee', head: 'CHU_TICH', deputy: 'PHO_CHU_TICH', collective: true },
  director: { kind: 'director', head: 'GIAM_DOC', deputy: 'PHO_GIAM_DOC', collective: false },
};

const ALL = Object.values(LEADERSHIPS);

/** The policy's leadership (a People's Committee unless it says otherwise). */
export function leadershipOf(policy: Pick<RoutingPolicy, 'leadership'>): Leadership {
  return LEADERSHIPS[policy.leadership ?? 'committee'] ?? LEADERSHIPS.committee;
}

/** The leadership whose head holds `position`. */
export function leadershipOfHead(position: string): Leadership | undefined {
  return ALL.find((l) => l.head === position);
}

/** The leadership in which `position` is the head or a deputy. */
export function leadershipOfPosition(position: string): Leadership | undefined {
  return ALL.find((l) => l.head === position || l.deputy === position);
}

/** Holds a head's or a deputy's position somewhere (may be a policy's named signer). */
export function isLeaderPosition(position: string): boolean {
  return leadershipOfPosition(position) !== undefined;
}

/** "Chủ tịch", "Giám đốc". */
export const headTitle = (l: Leadership): string => POSITION_TITLES[l.head];
/** "Phó Chủ tịch", "Phó Giám đốc". */
export const deputyTitle = (l: Leadership): string => POSITION_TITLES[l.deputy];
