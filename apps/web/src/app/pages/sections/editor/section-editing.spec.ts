import type { CurrentUser, ReportDetail } from '@trinhky/contracts';
import { editAnswer } from './section-editing';

const user = (p: Partial<CurrentUser>): CurrentUser => ({
  id: 'u-kt-cv',
  username: 'kt.cv',
  fullName: 'Vũ Thị Thu',
  position: 'CHUYEN_VIEN',
  positionTitle: 'Chuyên viên',
  unit: { code: 'KT', name: 'Phòng Kinh tế' },
  roles: ['drafter'],
  organisation: { id: 'o', name: 'UBND xã' },
  ...p,
});

function report(state: string, sectionState: string, assigneeId: string | null = null): ReportDetail {
  return {
    state,
    sections: [
      {
        id: 's1',
        code: 'II.5',
        label: '5.',
        title: 'Cải cách tài chính công',
        unit: { code: 'KT', name: 'Phòng Kinh tế' },
        assignee: assigneeId ? { id: assigneeId, fullName: 'X' } : null,
        state: sectionState,
      },
    ],
  } as unknown as ReportDetail;
}

describe('section page: may I edit this part (libs/workflow mayEditPart, as the API)', () => {
  it('opens the editor to the unit’s drafter while the part is being drafted', () => {
    expect(editAnswer(user({}), report('collecting', 'drafting'), 's1')).toEqual({ ok: true });
  });

  it('keeps it closed for the unit head, who used to be allowed by the API but not the page', () => {
    const a = editAnswer(user({ id: 'u-kt-tp', roles: ['head'] }), report('collecting', 'drafting'), 's1');
    expect(a).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: expect.stringContaining('không được phân công soạn phần Cải cách tài chính công'),
    });
  });

  it('lets the assignee from another unit edit, and says what to do before drafting started', () => {
    expect(editAnswer(user({ id: 'u-vp', unit: { code: 'VP', name: 'VP' } }), report('collecting', 'drafting', 'u-vp'), 's1')).toEqual({
      ok: true,
    });
    expect(editAnswer(user({}), report('collecting', 'assigned'), 's1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Bắt đầu soạn'),
    });
    expect(editAnswer(user({}), report('compiling', 'drafting'), 's1')).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('is read-only while nothing is loaded', () => {
    expect(editAnswer(null, report('collecting', 'drafting'), 's1').ok).toBe(false);
    expect(editAnswer(user({}), null, 's1').ok).toBe(false);
    expect(editAnswer(user({}), report('collecting', 'drafting'), 'other').ok).toBe(false);
  });
});
