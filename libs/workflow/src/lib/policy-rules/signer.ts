/** The person a report is meant to be signed by, before anyone signed it (the PDF's draft signature block). */
import type { FieldCode, PositionCode } from '@trinhky/domain';
import type { RoutingPolicy } from '../contract';
import { leadershipOf } from './leadership';

export interface SignerCandidate {
  position: PositionCode | string;
  fields: readonly (FieldCode | string)[];
  active?: boolean;
}

/**
 * Holds the position the policy names: the head (Chủ tịch; a Sở's Giám đốc), or the deputy (Phó Chủ
 * tịch; a Sở's Phó Giám đốc) in charge of the policy's field.
 */
export function holdsSignerPosition(policy: RoutingPolicy, p: SignerCandidate): boolean {
  const l = leadershipOf(policy);
  return policy.signer.by === 'chair' ? p.position === l.head : p.position === l.deputy && p.fields.includes(policy.signer.field);
}

/** The first active person who holds the signer's position, in the order given; undefined when none. */
export function intendedSigner<P extends SignerCandidate>(policy: RoutingPolicy, people: readonly P[]): P | undefined {
  return people.find((p) => p.active !== false && holdsSignerPosition(policy, p));
}
