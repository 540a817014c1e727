import { NotFoundException } from '@nestjs/common';
import { TEMPLATES, type ReportTemplate } from '@trinhky/domain';
import { POLICIES, partUnit, policyUnitProblems, unitName, withUnitNames, type RoutingPolicy } from '@trinhky/workflow';

/** What runs a query: an EntityManager, a DataSource, a transaction's client. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface OrganisationUnit {
  code: string;
  name: string;
}

/** The policy an organisation gets for a report kind until its admin chooses another. */
export function defaultPolicyFor(kind: string): RoutingPolicy {
  const found = Object.values(POLICIES).find((p) => p.reportKind === kind);
  if (!found) throw new NotFoundException(`Chưa có quy trình cho loại báo cáo ${kind}.`);
  return found;
}

const UNITS_JSON = `COALESCE((SELECT json_agg(json_build_object('code', u.code, 'name', u.name) ORDER BY u.sort_order, u.code)
   FROM units u WHERE u.organisation_id = $1), '[]'::json)`;

/** The organisation's units as it lists them (Văn phòng first). */
export async function organisationUnitsOf(db: Queryable, organisationId: string): Promise<OrganisationUnit[]> {
  const [row]: { units: OrganisationUnit[] }[] = await db.query(`SELECT ${UNITS_JSON} AS units`, [organisationId]);
  return row?.units ?? [];
}

export interface ResolvedPolicy {
  /** The organisation's policy of the kind (or the shipped default), with the names of its own units. */
  policy: RoutingPolicy;
  units: OrganisationUnit[];
  /** No row of its own: the product's default. */
  isDefault: boolean;
}

/**
 * The organisation's routing policy for a report kind, in one statement with its units: the policy
 * new reports copy (its `unitNames` filled in, so the workflow's sentences name the organisation's units).
 */
export async function organisationPolicy(db: Queryable, organisationId: string, kind: string): Promise<ResolvedPolicy> {
  const [row]: { policy: RoutingPolicy | null; units: OrganisationUnit[] }[] = await db.query(
    `SELECT (SELECT policy FROM routing_policies WHERE organisation_id = $1 AND report_kind = $2) AS policy, ${UNITS_JSON} AS units`,
    [organisationId, kind],
  );
  const units = row?.units ?? [];
  return { policy: withUnitNames(row?.policy ?? defaultPolicyFor(kind), units), units, isDefault: !row?.policy };
}

/** The first template of a kind (the kind's parts as Quản trị shows them). */
export function templateOfKind(kind: string): ReportTemplate | undefined {
  return Object.values(TEMPLATES).find((t) => t.kind === kind);
}

export interface PartAssignmentView {
  code: string;
  title: string;
  unit: { code: string; name: string };
}

/** Each part of `template` with the unit that drafts it under `policy`, named as the organisation names it. */
export function partAssignments(policy: RoutingPolicy, template: ReportTemplate): PartAssignmentView[] {
  return template.parts.map((p) => {
    const code = partUnit(policy, p);
    return {
      code: p.code,
      title: `${p.label ? `${p.label} ` : ''}${p.title}`.replace(/\{[a-z_]+\}/g, '…'),
      unit: { code, name: unitName(policy, code) },
    };
  });
}

/** What the policy needs that the organisation lacks, for `template`'s parts (sentences for a user). */
export function unitProblems(policy: RoutingPolicy, template: ReportTemplate, units: readonly OrganisationUnit[]): string[] {
  return policyUnitProblems(
    policy,
    template.parts,
    units.map((u) => u.code),
  ).map((p) => p.reason);
}
