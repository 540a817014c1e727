/**
 * May this person open a report of a kind? The routing policy of that kind (the organisation's, or
 * the shipped default) names the compiling unit; its compilers and head open the report — the same
 * people who then hand out the parts (`open_collection`).
 */
import { UNIT_NAMES } from '@trinhky/domain';
import type { RoutingPolicy } from '../contract';
import { type ActorFacts, isCompilerActor } from '../guards';

export type OpenAnswer = { ok: true } | { ok: false; reason: string };

export function mayOpenReport(policy: RoutingPolicy, actor: Omit<ActorFacts, 'userId'>): OpenAnswer {
  if (isCompilerActor(policy, actor)) return { ok: true };
  return {
    ok: false,
    reason: `Chỉ lãnh đạo hoặc chuyên viên tổng hợp của ${UNIT_NAMES[policy.compilingUnit]} (đơn vị chủ trì) mới được mở báo cáo ${policy.reportKind}.`,
  };
}
