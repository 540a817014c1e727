import { Injectable, NotFoundException } from '@nestjs/common';
import type { ParsedBodyOf } from '@trinhky/contracts';
import { reportKinds } from '@trinhky/domain';
import {
  POLICIES,
  assignUnits,
  headTitle,
  leadershipOf,
  policySignerTitle,
  policyUnitProblems,
  unitName,
  withUnitNames,
  type RoutingPolicy,
} from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { RoutingPolicyEntity } from '../database/entities';
import {
  defaultPolicyFor,
  organisationUnitsOf,
  partAssignments,
  templateOfKind,
  unitProblems,
  type OrganisationUnit,
  type PartAssignmentView,
} from '../organisation/organisation-policy';
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
  compilingUnit: { code: string; name: string };
  parts: PartAssignmentView[];
  problems: string[];
}

/** "Phòng Văn hóa - Xã hội chủ trì tổng hợp; …; Phó Chủ tịch phụ trách … ký; được ký theo ủy quyền." */
export function describePolicy(p: RoutingPolicy): string {
  return (
    [
      `${unitName(p, p.compilingUnit)} chủ trì tổng hợp`,
      p.headAcceptance ? 'trưởng phòng duyệt từng phần trước khi gửi đơn vị chủ trì' : 'không qua trưởng phòng duyệt từng phần',
      p.formatCheck ? `${unitName(p, p.formatCheck.unit)} kiểm tra thể thức trước khi trình ký` : 'không qua bước kiểm tra thể thức',
      `${policySignerTitle(p)} ký`,
      p.allowDelegation ? `người được ${headTitle(leadershipOf(p))} ủy quyền còn hiệu lực cũng được ký` : 'không áp dụng ký theo ủy quyền',
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
    const [rows, units] = await Promise.all([
      em.getRepository(RoutingPolicyEntity).find({ where: { organisationId } }),
      organisationUnitsOf(em, organisationId),
    ]);
    return reportKinds().map((k) => {
      const row = rows.find((r) => r.reportKind === k.code);
      const policy = (row?.policy as unknown as RoutingPolicy | undefined) ?? defaultFor(k.code);
      return routingView(k, policy, units, !row);
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
    // The policy's units must be the organisation's own (a commune cannot take a Sở's policy as it is).
    const units = await organisationUnitsOf(this.ds, admin.organisationId);
    const template = templateOfKind(kind.code);
    const [missing] = template ? unitProblems(policy, template, units) : [];
    if (missing) throw fieldRefusal('policyCode', `Quy trình "${policy.name}" chưa dùng được ở cơ quan này: ${missing}`);
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
      return routingView(kind, policy, units, false);
    });
  }

  /**
   * Phân công soạn thảo: the organisation's compiling unit and the unit drafting each part of the kind's
   * reports, on top of the policy it uses (libs/workflow `assignUnits`); every unit must be the
   * organisation's own (`policyUnitProblems`), else 400 naming the part, nothing written.
   */
  async assign(p: Principal, reportKind: string, body: ParsedBodyOf<'setPolicyUnits'>): Promise<RoutingPolicyView> {
    const admin = await this.access.admin(p);
    const kind = reportKinds().find((k) => k.code === reportKind);
    const template = templateOfKind(reportKind);
    if (!kind || !template) throw new NotFoundException(`Không có loại báo cáo "${reportKind}".`);
    for (const code of Object.keys(body.parts))
      if (!template.parts.some((x) => x.code === code)) throw fieldRefusal(`parts.${code}`, `Phần "${code}" không có trong mẫu báo cáo.`);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(RoutingPolicyEntity);
      const row = await repo.findOne({ where: { organisationId: admin.organisationId, reportKind }, lock: { mode: 'pessimistic_write' } });
      const current = (row?.policy as unknown as RoutingPolicy | undefined) ?? defaultFor(reportKind);
      const policy = assignUnits(current, body.compilingUnit, body.parts);
      const units = await organisationUnitsOf(em, admin.organisationId);
      const [problem] = policyUnitProblems(
        policy,
        template.parts,
        units.map((u) => u.code),
      );
      if (problem)
        throw fieldRefusal(problem.field === 'compilingUnit' ? 'compilingUnit' : `parts.${problem.field.slice(5)}`, problem.reason);
      await em.query(
        `INSERT INTO routing_policies (organisation_id, report_kind, policy) VALUES ($1, $2, $3)
           ON CONFLICT (organisation_id, report_kind) DO UPDATE SET policy = EXCLUDED.policy`,
        [admin.organisationId, reportKind, JSON.stringify(policy)],
      );
      const named = withUnitNames(policy, units);
      await this.access.log(em, admin, {
        action: 'routing_policy.units',
        summary: `Phân công soạn thảo báo cáo ${reportKind}: ${unitName(named, policy.compilingUnit)} chủ trì; ${partAssignments(
          named,
          template,
        )
          .map((a) => `${a.code} → ${a.unit.code}`)
          .join(', ')}; áp dụng cho báo cáo mở từ nay`,
        details: { reportKind, compilingUnit: policy.compilingUnit, parts: policy.partUnits ?? {} },
      });
      return routingView(kind, policy, units, false);
    });
  }
}

function defaultFor(kind: string): RoutingPolicy {
  return defaultPolicyFor(kind);
}

/** The kind's policy as Quản trị shows it: its description, its units by the organisation's names, what is missing. */
function routingView(
  kind: { code: string; name: string },
  stored: RoutingPolicy,
  units: readonly OrganisationUnit[],
  isDefault: boolean,
): RoutingPolicyView {
  const policy = withUnitNames(stored, units);
  const template = templateOfKind(kind.code);
  return {
    reportKind: kind.code,
    reportKindName: kind.name,
    policy: policyView(policy),
    isDefault,
    compilingUnit: { code: policy.compilingUnit, name: unitName(policy, policy.compilingUnit) },
    parts: template ? partAssignments(policy, template) : [],
    problems: template ? unitProblems(policy, template, units) : [],
  };
}
