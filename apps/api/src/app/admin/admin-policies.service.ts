import { Injectable, NotFoundException } from '@nestjs/common';
import type { ParsedBodyOf } from '@trinhky/contracts';
import { UNIT_NAMES, reportKinds, type UnitCode } from '@trinhky/domain';
import { POLICIES, policySignerTitle, type RoutingPolicy } from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { RoutingPolicyEntity } from '../database/entities';
import { AdminAccess } from './admin-access';
import { fieldRefusal } from './admin-refusals';

export interface PolicyView {
  code: string;
  name: string;
  /** What the policy means for a report, in a sentence a commune officer understands. */
  description: string;
}

export interface RoutingPolicyView {
  reportKind: string;
  reportKindName: string;
  policy: PolicyView;
  /** True when the organisation has not chosen yet (reports use the product's default). */
  isDefault: boolean;
}

const unitName = (u: UnitCode): string => UNIT_NAMES[u] ?? u;

/** "Phòng Văn hóa - Xã hội chủ trì tổng hợp; …; Phó Chủ tịch phụ trách … ký; được ký theo ủy quyền." */
export function describePolicy(p: RoutingPolicy): string {
  return (
    [
      `${unitName(p.compilingUnit)} chủ trì tổng hợp`,
      p.headAcceptance ? 'trưởng phòng duyệt từng phần trước khi gửi đơn vị chủ trì' : 'không qua trưởng phòng duyệt từng phần',
      p.formatCheck ? `${unitName(p.formatCheck.unit)} kiểm tra thể thức trước khi trình ký` : 'không qua bước kiểm tra thể thức',
      `${policySignerTitle(p)} ký`,
      p.allowDelegation ? 'người được Chủ tịch ủy quyền còn hiệu lực cũng được ký' : 'không áp dụng ký theo ủy quyền',
      p.allowSelfApproval ? 'một người được vừa tổng hợp vừa duyệt' : 'người duyệt phải khác người trình',
    ].join('; ') + '.'
  );
}

export const policyView = (p: RoutingPolicy): PolicyView => ({ code: p.code, name: p.name, description: describePolicy(p) });

export function availablePolicies(): PolicyView[] {
  return Object.values(POLICIES).map(policyView);
}

/** Which shipped routing policy each report kind uses; new reports copy it at creation. */
@Injectable()
export class AdminPoliciesService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AdminAccess,
  ) {}

  async list(organisationId: string, em: EntityManager = this.ds.manager): Promise<RoutingPolicyView[]> {
    const rows = await em.getRepository(RoutingPolicyEntity).find({ where: { organisationId } });
    return reportKinds().map((k) => {
      const row = rows.find((r) => r.reportKind === k.code);
      const policy = (row?.policy as unknown as RoutingPolicy | undefined) ?? defaultFor(k.code);
      return { reportKind: k.code, reportKindName: k.name, policy: policyView(policy), isDefault: !row };
    });
  }

  async choose(p: Principal, reportKind: string, body: ParsedBodyOf<'setRoutingPolicy'>): Promise<RoutingPolicyView> {
    const admin = await this.access.admin(p);
    const kind = reportKinds().find((k) => k.code === reportKind);
    if (!kind) throw new NotFoundException(`Không có loại báo cáo "${reportKind}".`);
    const code = body.policyCode;
    const shipped = Object.hasOwn(POLICIES, code) ? POLICIES[code] : undefined;
    if (!shipped) throw fieldRefusal('policyCode', `Quy trình "${code}" không có. Chọn một trong: ${Object.keys(POLICIES).join(', ')}.`);
    const policy: RoutingPolicy = { ...shipped, reportKind: kind.code };
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(RoutingPolicyEntity);
      const row = await repo.findOne({
        where: { organisationId: admin.organisationId, reportKind: kind.code },
        lock: { mode: 'pessimistic_write' },
      });
      const before = (row?.policy as unknown as RoutingPolicy | undefined)?.code ?? null;
      if (row) {
        row.policy = policy as unknown as Record<string, unknown>;
        await repo.save(row);
      } else {
        await em.query(
          `INSERT INTO routing_policies (organisation_id, report_kind, policy) VALUES ($1, $2, $3)
             ON CONFLICT (organisation_id, report_kind) DO UPDATE SET policy = EXCLUDED.policy`,
          [admin.organisationId, kind.code, JSON.stringify(policy)],
        );
      }
      await this.access.log(em, admin, {
        action: 'routing_policy.set',
        summary: `Quy trình cho báo cáo ${kind.code}: ${before ? `${before} → ` : ''}${policy.code} (${policy.name}); áp dụng cho báo cáo mở từ nay`,
        details: { reportKind: kind.code, before, after: policy.code },
      });
      return { reportKind: kind.code, reportKindName: kind.name, policy: policyView(policy), isDefault: false };
    });
  }
}

function defaultFor(kind: string): RoutingPolicy {
  const found = Object.values(POLICIES).find((p) => p.reportKind === kind) ?? Object.values(POLICIES)[0];
  return found;
}
