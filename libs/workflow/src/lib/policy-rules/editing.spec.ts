import { allowedEvents } from '../answers';
import type { ReportRecord, WorkflowActor } from '../contract';
import { POLICIES, POLICY_FULL, POLICY_VHXH_PCT } from '../policies';
import { reportState, sectionState } from '../snapshots';
import { CAST, NOW, newReport, send } from '../../testing/fixtures';
import { mayEditPart, NOT_DRAFTING_REASON } from './editing';
import { mayOpenReport } from './opening';

const part = (state: Parameters<typeof mayEditPart>[1]['state'], assigneeId: string | null = null) => ({
  unit: 'KT' as const,
  assigneeId,
  state,
  title: 'II.5',
});

describe('mayEditPart: who may edit a part now, and why not', () => {
  it('lets a drafter of the unit or the assignee edit a part being drafted while the report collects', () => {
    expect(mayEditPart(CAST.drafterKT, part('drafting'), 'collecting')).toEqual({ ok: true });
    expect(mayEditPart(CAST.drafterVP, part('drafting', CAST.drafterVP.userId), 'collecting')).toEqual({ ok: true });
  });

  it('refuses the unit head, other units and the system with the reason (403)', () => {
    for (const who of [CAST.headKT, CAST.drafterVP, CAST.compiler, CAST.system]) {
      const a = mayEditPart(who, part('drafting'), 'collecting');
      expect(a).toEqual({
        ok: false,
        code: 'forbidden',
        reason: 'Bạn không được phân công soạn phần II.5: chỉ chuyên viên của Phòng Kinh tế hoặc người được giao mới được sửa.',
      });
    }
  });

  it('explains a part not opened for drafting, one handed in, and a report past collecting (422)', () => {
    expect(mayEditPart(CAST.drafterKT, part('assigned'), 'collecting')).toEqual({
      ok: false,
      code: 'invalid',
      reason: `Phần này đang ở bước 'Đã giao': hãy bấm "Bắt đầu soạn" trước khi sửa.`,
    });
    expect(mayEditPart(CAST.drafterKT, part('returned'), 'collecting')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("'Bị trả lại'"),
    });
    for (const s of ['head_review', 'submitted', 'accepted'] as const)
      expect(mayEditPart(CAST.drafterKT, part(s), 'collecting')).toEqual({ ok: false, code: 'invalid', reason: NOT_DRAFTING_REASON });
    expect(mayEditPart(CAST.drafterKT, part('drafting'), 'compiling')).toMatchObject({
      ok: false,
      code: 'invalid',
      reason: expect.stringContaining("'Đang tổng hợp'"),
    });
  });

  /**
   * Through every step of a lifecycle: editable exactly when the machine would accept `submit_section` from this person.
   * The cast is a commune's: the commune policies here, the Sở's in so-policy.spec.ts.
   */
  const communePolicies = Object.values(POLICIES).filter((p) => (p.leadership ?? 'committee') === 'committee');
  it.each(communePolicies.map((p) => [p.code, p] as const))('agrees with the machine under %s', (_code, policy) => {
    const people = Object.values(CAST) as WorkflowActor[];
    const check = (r: ReportRecord) => {
      for (const who of people) {
        const submit = new Set(
          allowedEvents(r, who, NOW)
            .filter((e) => e.type === 'submit_section')
            .map((e) => e.sectionId),
        );
        for (const s of r.sections) {
          const editable = mayEditPart(
            who,
            { unit: s.unit, assigneeId: s.assigneeId, state: sectionState(s.snapshot) },
            reportState(r.snapshot),
          ).ok;
          expect([who.userId, s.id, editable]).toEqual([who.userId, s.id, submit.has(s.id)]);
        }
      }
    };
    let r = newReport(policy);
    check(r);
    r = send(r, CAST.compiler, { type: 'open_collection' });
    check(r);
    r = send(r, CAST.drafterKT, { type: 'start_drafting', sectionId: 'II.5' });
    r = send(r, CAST.drafterVP, { type: 'start_drafting', sectionId: 'II.1' });
    check(r);
    r = send(r, CAST.drafterKT, { type: 'submit_section', sectionId: 'II.5' });
    check(r);
  });
});

describe('mayOpenReport: the policy names who opens a report', () => {
  it('lets the compiling unit’s compilers and head open it, and no one else', () => {
    expect(mayOpenReport(POLICY_VHXH_PCT, CAST.compiler)).toEqual({ ok: true });
    expect(mayOpenReport(POLICY_VHXH_PCT, CAST.headVHXH)).toEqual({ ok: true });
    for (const who of [CAST.drafterVHXH, CAST.headKT, CAST.chair, CAST.system, { roles: ['admin'], unit: null }]) {
      expect(mayOpenReport(POLICY_VHXH_PCT, who)).toEqual({
        ok: false,
        reason: 'Chỉ lãnh đạo hoặc chuyên viên tổng hợp của Phòng Văn hóa - Xã hội (đơn vị chủ trì) mới được mở báo cáo CCHC.',
      });
    }
  });

  it('follows the policy, not a fixed unit', () => {
    const kt = { ...POLICY_FULL, compilingUnit: 'KT' as const };
    expect(mayOpenReport(kt, CAST.headKT)).toEqual({ ok: true });
    expect(mayOpenReport(kt, CAST.compiler).ok).toBe(false);
  });
});
