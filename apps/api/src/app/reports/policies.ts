import { NotFoundException } from '@nestjs/common';
import { POLICIES, type RoutingPolicy } from '@trinhky/workflow';

/** The policy an organisation gets for a report kind until its admin chooses another. */
export function defaultPolicyFor(kind: string): RoutingPolicy {
  const found = Object.values(POLICIES).find((p) => p.reportKind === kind);
  if (!found) throw new NotFoundException(`Chưa có quy trình cho loại báo cáo ${kind}.`);
  return found;
}
