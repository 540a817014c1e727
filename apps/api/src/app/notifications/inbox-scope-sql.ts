/**
 * The inbox's narrowing (libs/workflow `inboxScope`) as a SQL condition on `reports r`: the same test
 * `inScope` makes over a record, on the stored columns (`reports.state`, `reports.policy`,
 * `sections.state`, `unit_code`, `assignee_id`, which the API writes with the snapshots).
 */
import type { InboxScope, PolicyCondition } from '@trinhky/workflow';

export interface ScopeSql {
  /** Null: the actor can be offered nothing anywhere. */
  where: string | null;
  /** The values of the condition's parameters, bound as `$first`, `$first + 1`, … */
  params: unknown[];
}

/** The condition with positional parameters from `$first` on (the statement's own come before). */
export function scopeSql(scope: InboxScope, first = 1): ScopeSql {
  const params: unknown[] = [];
  const add = (v: unknown): string => {
    params.push(v);
    return `$${first + params.length - 1}`;
  };
  const policy = (when: PolicyCondition): string =>
    when === 'any'
      ? 'TRUE'
      : 'compilingUnit' in when
        ? `r.policy->>'compilingUnit' = ${add(when.compilingUnit)}`
        : `r.policy->'formatCheck'->>'unit' = ${add(when.formatCheckUnit)}`;
  const terms: string[] = [];
  for (const e of scope.reports) terms.push(`(r.state = ANY(${add(e.states)}::text[]) AND ${policy(e.when)})`);
  for (const e of scope.sections) {
    const parts =
      e.parts === 'all'
        ? 'TRUE'
        : [
            ...(e.parts.unit !== undefined ? [`s.unit_code = ${add(e.parts.unit)}`] : []),
            ...(e.parts.assigneeId !== undefined ? [`s.assignee_id = ${add(e.parts.assigneeId)}::uuid`] : []),
          ].join(' OR ') || 'FALSE';
    terms.push(
      `(r.state = ANY(${add(e.reportStates)}::text[]) AND ${policy(e.when)} AND EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.state = ANY(${add(e.sectionStates)}::text[]) AND (${parts})))`,
    );
  }
  return { where: terms.length ? terms.join(' OR ') : null, params };
}
