import { transition } from 'xstate';
import { DEFAULT_SIGNING_ORGANISATION } from './authority';
import { machinesFor } from './machines';
import { POLICY_FULL } from './policies';
import { restoreReport, sectionState } from './snapshots';
import type { MachineEvent } from './types';
import { pureTransition } from './xstate-transition';
import { CAST, NOW, newReport } from '../testing/fixtures';

/** xstate-transition.ts copies a private part of XState: pinned to the version it was copied from. */
describe('pureTransition (the private copy of XState’s inert actor scope)', () => {
  it('is pinned to xstate 5.33.3: on an upgrade, check the copy against createInertActorScope again', () => {
    expect(require('xstate/package.json').version).toBe('5.33.3');
  });

  it('gives the snapshot and actions of the public transition(), twice in a row (the scope is reused)', () => {
    const record = newReport(POLICY_FULL);
    const m = machinesFor(POLICY_FULL, record.definitionVersion);
    const snap = restoreReport(m.report, record.snapshot);
    const event: MachineEvent = {
      type: 'open_collection',
      actor: CAST.compiler,
      at: NOW.toISOString(),
      reportKind: record.kind,
      organisation: DEFAULT_SIGNING_ORGANISATION,
      sections: record.sections.map((s) => ({ id: s.id, unit: s.unit, state: sectionState(s.snapshot) })),
    };
    const [expected, expectedActions] = transition(m.report, snap, event as never);
    for (let i = 0; i < 2; i++) {
      const [next, actions] = pureTransition(m.report, snap, event as never);
      expect(next.value).toEqual(expected.value);
      expect(next.value).not.toEqual(snap.value);
      expect(next.context).toEqual(expected.context);
      expect(actions.map((a) => [a.type, a.params])).toEqual(expectedActions.map((a) => [a.type, a.params]));
    }
  });
});
