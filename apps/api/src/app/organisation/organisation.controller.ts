import { Controller, Get } from '@nestjs/common';
import type { OrganisationUnits } from '@trinhky/contracts';
import { TEMPLATES } from '@trinhky/domain';
import { unitName, withUnitNames, type RoutingPolicy } from '@trinhky/workflow';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { defaultPolicyFor, organisationUnitsOf, partAssignments, unitProblems } from './organisation-policy';

/** organisationUnits (libs/contracts operations/organisation.ts): the caller's organisation's units and who drafts what. */
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly ds: DataSource) {}

  @Get('units')
  async units(@CurrentPrincipal() p: Principal): Promise<OrganisationUnits> {
    const [units, rows] = await Promise.all([
      organisationUnitsOf(this.ds, p.organisationId),
      this.ds.query('SELECT report_kind, policy FROM routing_policies WHERE organisation_id = $1', [p.organisationId]) as Promise<
        { report_kind: string; policy: RoutingPolicy }[]
      >,
    ]);
    return {
      units,
      templates: Object.values(TEMPLATES).map((t) => {
        const policy = withUnitNames(rows.find((r) => r.report_kind === t.kind)?.policy ?? defaultPolicyFor(t.kind), units);
        return {
          templateCode: t.code,
          compilingUnit: { code: policy.compilingUnit, name: unitName(policy, policy.compilingUnit) },
          parts: partAssignments(policy, t).map(({ code, unit }) => ({ code, unit })),
          problems: unitProblems(policy, t, units),
        };
      }),
    };
  }
}
