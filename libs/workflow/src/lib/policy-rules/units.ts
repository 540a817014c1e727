/**
 * An organisation's own units in its routing policy (issue 12 §1, §5): which unit compiles, which drafts
 * each part of a template (templates name the commune's four units; a Sở maps them onto its own), what
 * the units are called in the sentences the workflow writes, and what is missing before a policy or a
 * report can use them. One answer for the API (report opening, Quản trị) and the web (its forms).
 */
import { standardUnitName, type UnitCode } from '@trinhky/domain';
import type { RoutingPolicy } from '../contract';

/** A unit's name as the policy knows it (the organisation's, filled in by the API), else the standard one. */
export function unitName(policy: Pick<RoutingPolicy, 'unitNames'> | null | undefined, code: UnitCode): string {
  return policy?.unitNames?.[code] ?? standardUnitName(code);
}

/** The organisation's unit that drafts a template's part under this policy. */
export function partUnit(policy: Pick<RoutingPolicy, 'unitMap' | 'partUnits'>, part: { code: string; unit: UnitCode }): UnitCode {
  return policy.partUnits?.[part.code] ?? policy.unitMap?.[part.unit] ?? part.unit;
}

/** The policy with the organisation's names of its units (what the workflow's sentences say). */
export function withUnitNames(policy: RoutingPolicy, units: readonly { code: UnitCode; name: string }[]): RoutingPolicy {
  return { ...policy, unitNames: { ...policy.unitNames, ...Object.fromEntries(units.map((u) => [u.code, u.name])) } };
}

export interface PolicyUnitProblem {
  /** What the admin form names: the compiling unit, the format check, or one part (`part:II.3`). */
  field: 'compilingUnit' | 'formatCheck' | `part:${string}`;
  unit: UnitCode;
  reason: string;
}

const ADD_UNIT = 'thêm đơn vị trong Quản trị → Đơn vị, hoặc giao cho đơn vị khác';

/**
 * Every unit the policy routes to (compiling, format check, each part of `parts`) that the organisation
 * does not have (`unitCodes`: its units table); empty when the policy can run there.
 */
export function policyUnitProblems(
  policy: RoutingPolicy,
  parts: readonly { code: string; unit: UnitCode; title?: string }[],
  unitCodes: readonly UnitCode[],
): PolicyUnitProblem[] {
  const has = new Set(unitCodes);
  const out: PolicyUnitProblem[] = [];
  if (!has.has(policy.compilingUnit))
    out.push({
      field: 'compilingUnit',
      unit: policy.compilingUnit,
      reason: `Đơn vị chủ trì ${policy.compilingUnit} không có trong cơ quan: ${ADD_UNIT}.`,
    });
  if (policy.formatCheck && !has.has(policy.formatCheck.unit))
    out.push({
      field: 'formatCheck',
      unit: policy.formatCheck.unit,
      reason: `Đơn vị kiểm tra thể thức ${policy.formatCheck.unit} không có trong cơ quan: ${ADD_UNIT}.`,
    });
  for (const p of parts) {
    const unit = partUnit(policy, p);
    if (!has.has(unit))
      out.push({
        field: `part:${p.code}`,
        unit,
        reason: `Phần ${p.title ? `${p.code} ${p.title}` : p.code} được giao cho đơn vị ${unit}, cơ quan chưa có đơn vị này: ${ADD_UNIT}.`,
      });
  }
  return out;
}

/**
 * The policy with the organisation's own choice of compiling unit and drafting unit per part (Quản trị
 * → Quy trình → Phân công soạn thảo): `parts` replaces the policy's part assignments (its `unitMap`
 * still maps the parts not listed).
 */
export function assignUnits(policy: RoutingPolicy, compilingUnit: UnitCode, parts: Readonly<Record<string, UnitCode>>): RoutingPolicy {
  return { ...policy, compilingUnit, partUnits: { ...parts } };
}
