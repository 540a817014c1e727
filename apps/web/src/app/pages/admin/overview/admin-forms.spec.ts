import type { AdminUser } from '@trinhky/contracts';
import {
  emptyDelegationForm,
  emptyUserForm,
  parseDateVi,
  previewBlock,
  toCreateUserRequest,
  toDateVi,
  toDelegationRequest,
  toUpdateUserRequest,
  userFormOf,
  validateDelegationForm,
  validateUserForm,
} from './admin-forms';

const user = (over: Partial<AdminUser> = {}): AdminUser => ({
  id: 'u1',
  username: 'tp.truong',
  fullName: 'Lý Văn Pháp',
  position: 'TRUONG_PHONG',
  positionTitle: 'Trưởng phòng',
  unit: { code: 'TP', name: 'Phòng Tư pháp' },
  roles: ['head', 'viewer'],
  fields: [],
  active: true,
  createdAt: '2026-11-01T00:00:00Z',
  ...over,
});

describe('admin forms', () => {
  it('reads dd/mm/yyyy dates and refuses days that do not exist', () => {
    expect(parseDateVi('05/12/2026')).toBe('2026-12-05');
    expect(parseDateVi(' 5/1/2027 ')).toBe('2027-01-05');
    expect(parseDateVi('05-12-2026')).toBe('2026-12-05');
    expect(parseDateVi('30/02/2027')).toBeNull();
    expect(parseDateVi('2026-12-05')).toBeNull();
    expect(parseDateVi('')).toBeNull();
    expect(toDateVi('2026-12-05')).toBe('05/12/2026');
  });

  it('checks a new user field by field', () => {
    expect(validateUserForm(emptyUserForm(), false)).toEqual({
      username: 'Vui lòng nhập tên đăng nhập.',
      fullName: 'Vui lòng nhập họ và tên.',
      roles: 'Vui lòng chọn ít nhất một vai trò.',
      password: 'Vui lòng nhập mật khẩu (ít nhất 8 ký tự).',
    });
    const ok = { ...emptyUserForm(), username: 'TP.CV', fullName: 'Hà Thị Lan', roles: ['drafter'], unitCode: 'TP', password: '12345678' };
    expect(validateUserForm(ok, false)).toEqual({});
    expect(validateUserForm({ ...ok, username: 'hà.lan' }, false).username).toMatch(/không dấu/);
    expect(validateUserForm({ ...ok, unitCode: null }, false).unitCode).toMatch(/thuộc một đơn vị/);
    expect(validateUserForm({ ...ok, password: 'ngan' }, false).password).toBe('Mật khẩu phải có ít nhất 8 ký tự.');
    expect(toCreateUserRequest(ok)).toMatchObject({ username: 'tp.cv', fullName: 'Hà Thị Lan', unitCode: 'TP', active: true });
  });

  it('edits send only what changed; an empty password keeps the old one', () => {
    const before = user();
    const form = userFormOf(before);
    expect(validateUserForm(form, true)).toEqual({});
    expect(toUpdateUserRequest(before, form)).toBeNull();
    expect(toUpdateUserRequest(before, { ...form, roles: ['viewer', 'head'] })).toBeNull(); // same set, other order
    expect(toUpdateUserRequest(before, { ...form, fullName: ' Lý Văn Pháp Luật ', active: false, password: 'mat-khau-moi' })).toEqual({
      fullName: 'Lý Văn Pháp Luật',
      active: false,
      password: 'mat-khau-moi',
    });
    expect(toUpdateUserRequest(before, { ...form, unitCode: null, roles: ['viewer'] })).toEqual({ unitCode: null, roles: ['viewer'] });
  });

  it('a TUQ. needs both dates in order; other kinds may be open-ended', () => {
    const today = '2026-11-26';
    const f = { ...emptyDelegationForm(), userId: 'u1' };
    const tuqDates = 'Giấy ủy quyền (TUQ.) phải có thời hạn: cần ghi rõ cả từ ngày và đến ngày.';
    expect(validateDelegationForm(f, today)).toEqual({ validFrom: tuqDates, validTo: tuqDates });
    expect(validateDelegationForm({ ...f, validFrom: '10/12/2026', validTo: '01/12/2026' }, today)).toEqual({
      validTo: 'Đến ngày phải trùng hoặc sau từ ngày.',
    });
    expect(validateDelegationForm({ ...f, validFrom: '31/11/2026', validTo: '01/12/2026' }, today).validFrom).toMatch(/dd\/mm\/yyyy/);
    expect(validateDelegationForm({ ...f, validFrom: '01/01/2026', validTo: '31/01/2026' }, today)).toEqual({
      validTo: 'Đến ngày đã qua: ủy quyền mới phải còn hiệu lực từ hôm nay trở đi.',
    });
    // The same rule as the API and signing: a KT. goes to a vice-chair, a delegate is never the chair, only the chair delegates.
    expect(validateDelegationForm({ ...f, kind: 'KT' }, today, { position: 'TRUONG_PHONG' })).toEqual({
      userId: 'Chỉ Phó Chủ tịch mới được ký thay (KT.) Chủ tịch.',
    });
    expect(validateDelegationForm({ ...f, kind: 'KT' }, today, { position: 'PHO_CHU_TICH' })).toEqual({});
    expect(validateDelegationForm({ ...f, kind: 'TL' }, today, { position: 'CHU_TICH' }).userId).toMatch(
      /Chủ tịch ký với thẩm quyền của mình/,
    );
    expect(validateDelegationForm({ ...f, kind: 'TL', fromPosition: 'PHO_CHU_TICH' }, today).fromPosition).toMatch(
      /Chỉ Chủ tịch mới giao ủy quyền được/,
    );
    expect(validateDelegationForm({ ...f, kind: 'KT' }, today)).toEqual({});
    expect(validateDelegationForm({ ...emptyDelegationForm(), kind: 'KT' }, today)).toEqual({
      userId: 'Vui lòng chọn người được ủy quyền.',
    });
    const valid = { ...f, validFrom: '26/11/2026', validTo: '31/12/2026', reportKinds: ['CCHC'] };
    expect(validateDelegationForm(valid, today)).toEqual({});
    expect(toDelegationRequest(valid)).toEqual({
      userId: 'u1',
      kind: 'TUQ',
      fromPosition: 'CHU_TICH',
      validFrom: '2026-11-26',
      validTo: '2026-12-31',
      reportKinds: ['CCHC'],
    });
    expect(toDelegationRequest({ ...f, kind: 'KT' })).toMatchObject({ validFrom: null, validTo: null, reportKinds: null });
  });

  it('previews the block libs/workflow derives, also for a delegation that starts later', () => {
    const today = '2026-11-26';
    const f = { ...emptyDelegationForm(), userId: 'u1', validFrom: '01/12/2026', validTo: '31/12/2026' };
    expect(previewBlock(user(), f, 'ỦY BAN NHÂN DÂN', today)).toEqual({ lines: ['TUQ. CHỦ TỊCH', 'TRƯỞNG PHÒNG'], name: 'Lý Văn Pháp' });
    const pct = user({ position: 'PHO_CHU_TICH', fullName: 'Lê Quang Dũng', unit: null });
    expect(previewBlock(pct, { ...f, kind: 'KT', validFrom: '', validTo: '' }, 'ỦY BAN NHÂN DÂN', today)).toEqual({
      lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Lê Quang Dũng',
    });
    expect(previewBlock(user(), { ...f, kind: 'KT' }, 'ỦY BAN NHÂN DÂN', today)).toEqual({
      problem: 'Chỉ Phó Chủ tịch mới được ký thay (KT.) Chủ tịch.',
    });
    expect(previewBlock(undefined, f, 'ỦY BAN NHÂN DÂN', today)).toBeNull();
  });
});
