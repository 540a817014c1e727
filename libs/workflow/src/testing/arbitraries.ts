/** fast-check arbitraries shared by the workflow's property tests (random policies, people, parts). */
import fc from 'fast-check';
import type { FieldCode, PositionCode, Role, UnitCode } from '@trinhky/domain';
import type { RoutingPolicy, WorkflowActor } from '../lib/contract';
import { TUQ_2025 } from './fixtures';

export const UNITS: UnitCode[] = ['VP', 'KT', 'VHXH', 'HCC'];
export const ROLES: Role[] = ['drafter', 'head', 'compiler', 'format_checker', 'signer', 'clerk', 'viewer'];
export const POSITIONS: PositionCode[] = ['CHU_TICH', 'PHO_CHU_TICH', 'GIAM_DOC', 'PHO_GIAM_DOC', 'TRUONG_PHONG', 'CHUYEN_VIEN', 'VAN_THU'];
/** Steps that go back; a walk takes them one time in four, so that it reaches signing, issuing and receipt. */
export const BACK = ['return_section', 'head_return_section', 'return_report', 'revoke_signature', 'refuse'];

export const policyArb: fc.Arbitrary<RoutingPolicy> = fc
  .record({
    leadership: fc.constantFrom('committee' as const, 'director' as const),
    compilingUnit: fc.constantFrom(...UNITS),
    headAcceptance: fc.boolean(),
    formatCheck: fc.option(fc.record({ unit: fc.constantFrom(...UNITS) }), { nil: null }),
    signer: fc.oneof(fc.constant({ by: 'chair' as const }), fc.constant({ by: 'field' as const, field: 'vhxh' as const })),
    allowSelfApproval: fc.boolean(),
    allowDelegation: fc.boolean(),
  })
  .map((p): RoutingPolicy => ({ code: 'P', name: 'P', reportKind: 'CCHC', ...p }));

/** A random person among `ids`: any roles, unit, position, field, delegation, one of two organisations. */
export const actorArb = (ids: string[]): fc.Arbitrary<WorkflowActor> =>
  fc
    .record({
      userId: fc.constantFrom(...ids),
      roles: fc.subarray(ROLES, { minLength: 1 }),
      unit: fc.option(fc.constantFrom(...UNITS), { nil: null }),
      position: fc.constantFrom(...POSITIONS),
      fields: fc.boolean().map((v): FieldCode[] => (v ? ['vhxh'] : [])),
      delegations: fc.boolean().map((v) => (v ? [TUQ_2025] : [])),
      organisationId: fc.constantFrom('o1', 'o2'),
    })
    .map((a) => ({ ...a, fullName: a.userId, kind: 'user' as const }));

/** One to four parts, each of a random unit, assigned to one of `ids` or to nobody. */
export const sectionsArb = (ids: string[]) =>
  fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('II.1', 'II.2', 'II.3', 'II.5'),
      unit: fc.constantFrom(...UNITS),
      assigneeId: fc.option(fc.constantFrom(...ids), { nil: null }),
    }),
    { minLength: 1, maxLength: 4, selector: (s) => s.id },
  );
