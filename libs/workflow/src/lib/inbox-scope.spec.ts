/**
 * `inboxScope` is conservative: over reports driven through random walks of the real machines (random
 * policies, definition versions, parts, assignees, receivers) and random actors, every report on which
 * `allowedEvents` offers an actor an event (cancel aside, as in the inbox) lies in that actor's scope.
 */
import fc from 'fast-check';
import { allowedEvents, decide } from './answers';
import type { ReportRecord, RoutingPolicy, WorkflowActor } from './contract';
import { inScope, inboxScope } from './inbox-scope';
import { reportState } from './snapshots';
import { CAST, NOW, apply, newReport } from '../testing/fixtures';
import { BACK, UNITS, actorArb, policyArb, sectionsArb } from '../testing/arbitraries';

const IDS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u-kt-cv'];
/**
 * The commune's cast, a Sở's Giám đốc and Phó Giám đốc (policies led by a director), and for every unit
 * someone who compiles, checks the format and heads it (any policy's).
 */
const PEOPLE: WorkflowActor[] = [
  ...Object.values(CAST).filter((c) => c.kind !== 'system'),
  { ...CAST.chair, userId: 'u-gd', position: 'GIAM_DOC' },
  { ...CAST.pctVhxh, userId: 'u-pgd', position: 'PHO_GIAM_DOC' },
  ...UNITS.map((unit): WorkflowActor => ({
    ...CAST.compiler,
    userId: `u-all-${unit}`,
    unit,
    roles: ['compiler', 'head', 'drafter', 'format_checker'],
  })),
];

const policy = policyArb;

const actor = actorArb(IDS);

const sections = sectionsArb(IDS);

/** A report after a random walk: each step, a random actor sends one of the events it may send. */
const walked = fc
  .record({
    policy,
    version: fc.constantFrom(1, 2),
    sections,
    receiver: fc.constantFrom(undefined, null, { organisationId: 'o2', name: 'Sở Nội vụ' }),
    steps: fc.array(fc.tuple(actor, fc.nat()), { maxLength: 60 }),
  })
  .map(({ policy, version, sections, receiver, steps }) => {
    let r: ReportRecord = {
      ...newReport(policy, sections as unknown as Parameters<typeof newReport>[1], version),
      ...(receiver !== undefined ? { receiver } : {}),
    };
    const seen: ReportRecord[] = [r];
    for (const [a, pick] of steps) {
      // The step's actor or any of the commune's cast: enough progress to reach signing, issuing and receipt.
      const offers = [a, ...PEOPLE].flatMap((who) =>
        allowedEvents(r, who, NOW)
          .filter((e) => e.type !== 'cancel' && (pick % 4 === 0 || !BACK.includes(e.type)))
          .map((e) => [who, e] as const),
      );
      if (!offers.length) continue;
      const [who, e] = offers[pick % offers.length];
      const d = decide(r, who, { type: e.type, ...(e.sectionId ? { sectionId: e.sectionId } : {}), comment: 'ý kiến' }, NOW);
      if (d.ok) seen.push((r = apply(r, d)));
    }
    return seen;
  });

describe('inboxScope', () => {
  it('never leaves out a report on which the actor is offered an event', () => {
    let offered = 0;
    const states = new Set<string>();
    const property = fc.property(walked, fc.array(actor, { minLength: 1, maxLength: 6 }), (reports, actors) => {
      for (const a of [...actors, ...PEOPLE]) {
        const scope = inboxScope(a, ['cancel']);
        for (const r of reports) {
          if (allowedEvents(r, a, NOW).some((e) => e.type !== 'cancel')) {
            offered++;
            states.add(reportState(r.snapshot));
            expect(inScope(scope, r)).toBe(true);
          }
        }
      }
    });
    fc.assert(property, { numRuns: 150 });
    // The walks do reach reports with work on them (the property is not vacuous).
    expect(offered).toBeGreaterThan(1000);
    // Reaching `submitted` (issued, then sent to the superior) takes a long walk: about one random
    // seed in five misses it in 150 runs (the test used to fail then, though the property held).
    // The coverage is then completed by a seed known to reach every state, the property checked there too.
    const ALL = ['awaiting_signature', 'collecting', 'compiling', 'draft', 'format_check', 'issued', 'signed', 'submitted'];
    if (ALL.some((s) => !states.has(s))) fc.assert(property, { numRuns: 150, seed: 1 });
    // (`returned` is reached only by revoking a signature: some runs, not every one.)
    states.delete('returned');
    expect([...states].sort()).toEqual(ALL.sort());
  });

  it('narrows: a drafter sees only signed reports and collecting ones with a part of its unit or assigned to it', () => {
    const scope = inboxScope(CAST.drafterKT, ['cancel']);
    // Whoever signed may revoke, whatever position they hold now: every user is in scope of signed reports.
    expect(scope.reports).toEqual([{ states: ['signed'], when: 'any' }]);
    expect(scope.sections.flatMap((s) => s.reportStates)).toEqual(['collecting']);
    expect(scope.sections.map((s) => s.parts)).toEqual([{ unit: 'KT', assigneeId: 'u-kt-cv' }]);
    const r = newReport(POLICY, [{ id: 'II.1', unit: 'VP', assigneeId: null }]);
    expect(inScope(scope, r)).toBe(false);
  });

  it('a clerk is in scope of signed, issued and submitted reports, not of drafts', () => {
    const states = inboxScope(CAST.clerk, ['cancel']).reports.flatMap((e) => e.states);
    expect(new Set(states)).toEqual(new Set(['signed', 'issued', 'submitted']));
  });
});

const POLICY: RoutingPolicy = {
  code: 'P',
  name: 'P',
  reportKind: 'CCHC',
  compilingUnit: 'VHXH',
  headAcceptance: false,
  formatCheck: null,
  signer: { by: 'chair' },
  allowSelfApproval: false,
  allowDelegation: true,
};
