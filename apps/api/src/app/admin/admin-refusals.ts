/**
 * The admin rules that need the database (the shape of every body is the contract's, checked by the
 * `contract(...)` pipes before a handler runs). Each refusal is a 400 naming the field, in Vietnamese.
 */
import { BadRequestException } from '@nestjs/common';
import { unitRoleProblem } from '@trinhky/domain';
import { grantProblems, type DelegationFields } from '@trinhky/workflow';

/** 400 `{statusCode, message, field}`, like the contract pipe's, for a rule judged against stored data. */
export const fieldRefusal = (field: string, message: string): BadRequestException =>
  new BadRequestException({ statusCode: 400, message, field });

/** The unit chosen must be one of the organisation's. */
export function checkUnitKnown(unitCode: string | null | undefined, units: Map<string, string>): void {
  if (unitCode && !units.has(unitCode)) throw fieldRefusal('unitCode', `Đơn vị "${unitCode}" không có trong cơ quan.`);
}

/** Department roles need a department, judged on the user as they will be (libs/domain's rule). */
export function checkRolesAndUnit(roles: readonly string[], unitCode: string | null): void {
  const problem = unitRoleProblem(roles, unitCode);
  if (problem) throw fieldRefusal('unitCode', problem);
}

/**
 * The delegate must be an active account and the delegation grantable to them from `today` on, by
 * libs/workflow's one rule (`grantProblems`, the same the admin form shows and signing judges by).
 */
export function checkGrant(f: DelegationFields, delegate: { position: string; active: boolean }, today: string): void {
  if (!delegate.active) throw fieldRefusal('userId', 'Người được ủy quyền đang bị khóa tài khoản.');
  const [problem] = grantProblems(f, delegate, today);
  if (problem) throw fieldRefusal(problem.field, problem.reason);
}
