/**
 * `offeredEvents` (no snapshot restored) answers exactly what `allowedEvents` answers: over reports driven
 * through random walks of the real machines (random policies, definition versions 1 and 2, parts,
 * assignees, figure findings, receivers in and out of the system) and for every actor of the commune's
 * cast, a Sở's heads, the system and random people, at every reachable state of the walk — same events,
 * same order, same labels and comment flags.
 */
import fc from 'fast-check';
import { allowedEvents, decide } from './answers';
import type { FigureIssue, ReportRecord, RoutingPolicy, WorkflowActor } from './contract';
import { factsOf, offeredEvents } from './offered';
import { reportState } from './snapshots';
import { CAST, NOW, apply, newReport } from '../testing/fixtures';
import { BACK, UNITS, actorArb, policyArb, sectionsArb } from '../testing/arbitraries';

const IDS = ['u1', 'u2', 'u3', 'u-kt-cv', 'u-vhxh-th', 'u-ct'];
const PEOPLE: WorkflowActor[] = [
  ...Object.values(CAST).filter((c) => c.kind !== 'system'),
  { ...CAST.chair, userId: 'u-gd', position: 'GIAM_DOC' },
  { ...CAST.pctVhxh, userId: 'u-pgd', position: 'PHO_GIAM_DOC' },
  { ...CAST.clerk, userId: 'u-so-vt', organisationId: 'o2' },
  ...UNITS.map((unit): WorkflowActor => ({
    ...CAST.compiler,
    userId: `u-all-${unit}`,
    unit,
    roles: ['compiler', 'head', 'drafter', 'format_checker', 'clerk'],
  })),
];

const policy = policyArb;

const actor = actorArb(IDS);

const finding: fc.Arbitrary<FigureIssue> = fc.record({
  severity: fc.constantFrom('error' as const, 'warning' as const),
  message: fc.constant('Tỷ lệ vượt 100%'),
  explained: fc.boolean(),
});

const sections = sectionsArb(IDS);

/** Every state of a random walk; each step, someone sends one of the events offered to them. */
const walked = fc
  .record({
    policy,
    version: fc.constantFrom(1, 2),
    sections,
    receiver: fc.constantFrom(undefined, null, { organisationId: 'o2', name: 'Sở Nội vụ' }),
    findings: fc.array(fc.option(fc.array(finding, { maxLength: 2 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    steps: fc.array(fc.tuple(actor, fc.nat()), { maxLength: 60 }),
  })
  .map(({ policy, version, sections, receiver, findings, steps }) => {
    let r: ReportRecord = {
      ...newReport(policy, sections as unknown as Parameters<typeof newReport>[1], version),
      ...(receiver !== undefined ? { receiver } : {}),
    };
    const seen: ReportRecord[] = [];
    const withFindings = (x: ReportRecord, k: number): ReportRecord => ({
      ...x,
      sections: x.sections.map((s, i) => {
        const f = findings[(i + k) % findings.length];
        return f ? { ...s, figureFindings: f } : s;
      }),
    });
    seen.push(r, withFindings(r, 0));
    for (const [a, pick] of steps) {
      // Persons only (the system's reminders change nothing), cancelling rarely: walks reach receipt.
      const offers = [a, ...PEOPLE].flatMap((who) =>
        allowedEvents(r, who, NOW)
          .filter((e) => e.type !== 'cancel' || pick % 31 === 0)
          .filter((e) => pick % 4 === 0 || !BACK.includes(e.type))
          .map((e) => [who, e] as const),
      );
      if (!offers.length) continue;
      const [who, e] = offers[pick % offers.length];
      const d = decide(r, who, { type: e.type, ...(e.sectionId ? { sectionId: e.sectionId } : {}), comment: 'ý kiến' }, NOW);
      if (d.ok) seen.push((r = apply(r, d)), withFindings(r, pick));
    }
    return seen;
  });

describe('offeredEvents', () => {
  it('answers exactly what allowedEvents answers, for every actor at every reachable state', () => {
    let compared = 0;
    let nonEmpty = 0;
    const states = new Set<string>();
    const property = fc.property(walked, fc.array(actor, { minLength: 1, maxLength: 6 }), (reports, actors) => {
      for (const r of reports) {
        states.add(reportState(r.snapshot));
        const facts = factsOf(r);
        expect(facts).not.toBeNull();
        if (!facts) return;
        for (const a of [...actors, ...PEOPLE, CAST.system]) {
          const expected = allowedEvents(r, a, NOW);
          expect(offeredEvents(facts, a, NOW)).toEqual(expected);
          compared++;
          if (expected.length) nonEmpty++;
        }
      }
    });
    fc.assert(property, { numRuns: 150 });
    const ALL = ['awaiting_signature', 'collecting', 'compiling', 'draft', 'format_check', 'issued', 'signed', 'submitted', 'cancelled'];
    if (ALL.some((s) => !states.has(s))) fc.assert(property, { numRuns: 150, seed: 1 });
    expect(ALL.filter((s) => !states.has(s))).toEqual([]);
    expect(compared).toBeGreaterThan(20_000);
    expect(nonEmpty).toBeGreaterThan(2_000);
  });

  it('offers nothing for an unknown definition version, as allowedEvents', () => {
    const r = { ...newReport(POLICY), definitionVersion: 99 };
    expect(allowedEvents(r, CAST.compiler, NOW)).toEqual([]);
    const facts = factsOf(newReport(POLICY));
    expect(facts && offeredEvents({ ...facts, definitionVersion: 99 }, CAST.compiler, NOW)).toEqual([]);
  });

  it('reads the guards’ context from the facts: the presenter may not sign, the submitter may not accept', () => {
    const facts = factsOf(newReport(POLICY));
    if (!facts) throw new Error('no facts');
    const signer = { ...facts, state: 'awaiting_signature' as const };
    expect(offeredEvents({ ...signer, presentedBy: CAST.chair.userId }, CAST.chair, NOW).map((e) => e.type)).toEqual(['return_report']);
    expect(offeredEvents({ ...signer, presentedBy: 'someone' }, CAST.chair, NOW).map((e) => e.type)).toEqual(['return_report', 'sign']);
    const part = { ...facts.sections[0], state: 'submitted' as const };
    const collecting = { ...facts, state: 'collecting' as const, sections: [part] };
    const accept = (submittedBy: string) =>
      offeredEvents({ ...collecting, sections: [{ ...part, submittedBy }] }, CAST.compiler, NOW)
        .filter((e) => e.sectionId)
        .map((e) => e.type);
    expect(accept(CAST.compiler.userId)).toEqual(['return_section']);
    expect(accept('someone')).toEqual(['accept_section', 'return_section']);
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
