/**
 * May this person open a report of a kind? The routing policy of that kind (the organisation's, or
 * the shipped default) names the compiling unit, one of the organisation's own (its name from the
 * policy's `unitNames`: a Sở's refusal names the Sở's unit); its compilers and head open the report —
 * the same people who then hand out the parts (`open_collection`).
 */
import type { RoutingPolicy } from '../contract';
import { type ActorFacts, isCompilerActor } from '../guards';
import { unitName } from './units';

export type OpenAnswer = { ok: true } | { ok: false; reason: string };

export function mayOpenReport(policy: RoutingPolicy, actor: Omit<ActorFacts, 'userId'>): OpenAnswer {
  if (isCompilerActor(policy, actor)) return { ok: true };
  return {
    ok: false,
    reason: `Chỉ lãnh đạo hoặc chuyên viên tổng hợp của ${unitName(policy, policy.compilingUnit)} (đơn vị chủ trì) mới được mở báo cáo ${policy.reportKind}.`,
  };
}
