import { z } from 'zod';
import { partAssignment, policyUnitsRequest } from './admin';
import { codeName } from './primitives';

/**
 * The caller's organisation's own units and who drafts what (issue 12 §1): what the forms show a user
 * (the parts of a new report with their units, the unit filter of the list) — a Sở's units for a Sở.
 */
export const organisationUnits = z.object({
  units: z.array(codeName),
  /** Per template: the compiling unit and the unit drafting each part under the organisation's policy of its kind. */
  templates: z.array(
    z.object({
      templateCode: z.string(),
      compilingUnit: codeName,
      parts: z.array(z.object({ code: z.string(), unit: codeName })),
      /** Units the policy needs that the organisation lacks (opening a report of the template is refused). */
      problems: z.array(z.string()),
    }),
  ),
});

export type OrganisationUnits = z.output<typeof organisationUnits>;
/** The body of setPolicyUnits (Quản trị → Phân công soạn thảo). */
export type PolicyUnitsRequest = z.input<typeof policyUnitsRequest>;
export type PartAssignment = z.output<typeof partAssignment>;
