import { allowedEvents, decide } from './answers';
import { createReportWorkflow } from './creation';
import type { ReportRecord } from './contract';
import { CURRENT_DEFINITION_VERSION, DEFINITIONS } from './definitions';
import { POLICY_FULL, POLICY_VHXH_PCT } from './policies';
import { reportState, sectionState } from './snapshots';
import { CAST, NOW, newReport, send, toAwaitingSignature } from '../testing/fixtures';

describe('definition versions', () => {
  it('the current version is 2 and new reports get it', () => {
    expect(CURRENT_DEFINITION_VERSION).toBe(2);
    expect(Object.keys(DEFINITIONS)).toEqual(['1', '2']);
    expect(createReportWorkflow(POLICY_VHXH_PCT, []).definitionVersion).toBe(2);
  });

  it('v1 stored the signing step as "presented"; it still reads and signs as awaiting_signature', () => {
    const v1 = toAwaitingSignature(POLICY_VHXH_PCT, 1);
    expect((v1.snapshot as { value: string }).value).toBe('presented');
    expect(reportState(v1.snapshot)).toBe('awaiting_signature');
    const v2 = toAwaitingSignature(POLICY_VHXH_PCT, 2);
    expect((v2.snapshot as { value: string }).value).toBe('awaiting_signature');
    const d = decide(v1, CAST.pctVhxh, { type: 'sign' }, NOW);
    expect(d.ok && [d.reportFrom, d.reportTo]).toEqual(['awaiting_signature', 'signed']);
    expect(allowedEvents(v1, CAST.pctVhxh, NOW).map((e) => e.type)).toEqual(['return_report', 'sign']);
  });

  it('v2 adds department-head acceptance; v1 reports keep going straight to the compiler', () => {
    const submit = (version: number) => {
      let r = send(newReport(POLICY_FULL, undefined, version), CAST.compiler, { type: 'open_collection' });
      r = send(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' });
      r = send(r, CAST.drafterVP, { type: 'submit_section', sectionId: 'II.1' });
      return sectionState(r.sections[0].snapshot);
    };
    expect(submit(1)).toBe('submitted');
    expect(submit(2)).toBe('head_review');
  });

  it('a v1 snapshot as stored in the database before v2 shipped continues to the end', () => {
    // Literal JSON, as a report row written under v1 would hold it.
    const stored = {
      value: 'presented',
      status: 'active',
      context: {
        definitionVersion: 1,
        revision: 1,
        presentedBy: 'u-vhxh-th',
        formatApprovedBy: null,
        signature: null,
        lastComment: null,
        cancelReason: null,
        overdue: false,
      },
    };
    let r: ReportRecord = { id: 'old', kind: 'CCHC', definitionVersion: 1, policy: POLICY_VHXH_PCT, snapshot: stored, sections: [] };
    r = send(r, CAST.pctVhxh, { type: 'return_report', comment: 'Bổ sung' });
    expect(reportState(r.snapshot)).toBe('compiling');
    r = send(r, CAST.compiler, { type: 'send_for_signature' });
    expect((r.snapshot as { value: string }).value).toBe('presented');
    r = send(r, CAST.pctVhxh, { type: 'sign' });
    r = send(r, CAST.clerk, { type: 'issue' });
    expect(reportState(r.snapshot)).toBe('issued');
  });

  it('restoring a v1 snapshot with the v2 machine would strand it — which is why the version is kept', () => {
    const v1 = toAwaitingSignature(POLICY_VHXH_PCT, 1);
    expect(() => decide({ ...v1, definitionVersion: 2 }, CAST.pctVhxh, { type: 'sign' }, NOW)).toThrow();
  });
});
