import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { AdminOrganisation, AdminUser } from '@trinhky/contracts';
import { AdminApi } from '../../../core/admin-api.service';
import { UserDialogComponent } from './user-dialog.component';

const org = {
  units: [{ id: 'u-vp', code: 'VP', name: 'Văn phòng HĐND và UBND', userCount: 3 }],
  vocabulary: {
    positions: [
      { code: 'CHUYEN_VIEN', title: 'Chuyên viên' },
      { code: 'PHO_CHU_TICH', title: 'Phó Chủ tịch' },
    ],
    roles: [
      { code: 'drafter', name: 'Chuyên viên soạn thảo' },
      { code: 'viewer', name: 'Theo dõi' },
    ],
    fields: [{ code: 'vhxh', name: 'văn hóa - xã hội' }],
    delegationKinds: [],
    reportKinds: [],
  },
} as unknown as AdminOrganisation;

const existing: AdminUser = {
  id: 'id-1',
  username: 'vp.cv',
  fullName: 'Đỗ Thị Mai',
  position: 'CHUYEN_VIEN',
  positionTitle: 'Chuyên viên',
  unit: { code: 'VP', name: 'Văn phòng HĐND và UBND' },
  roles: ['drafter'],
  fields: [],
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('UserDialogComponent', () => {
  async function open(user?: AdminUser) {
    const close = jest.fn();
    const api = { createUser: jest.fn(), updateUser: jest.fn() };
    await TestBed.configureTestingModule({
      imports: [UserDialogComponent],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { user, org } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: AdminApi, useValue: api },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(UserDialogComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = async (name: string, value: string) => {
      const input = el.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const save = async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="save-user"]')?.click();
      await fixture.whenStable();
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    return { fixture, el, api, close, type, save };
  }

  it('names what is missing and sends nothing until the form is complete', async () => {
    const { el, api, close, save } = await open();
    await save();
    expect(api.createUser).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    const alerts = Array.from(el.querySelectorAll('[role="alert"]'))
      .map((a) => a.textContent)
      .join(' ');
    expect(alerts).toContain('Vui lòng nhập tên đăng nhập.');
    expect(alerts).toContain('Vui lòng chọn ít nhất một vai trò.');
  });

  it('creates a user and shows the API’s reason when it refuses', async () => {
    const { el, api, close, type, save } = await open();
    await type('fullName', 'Hà Thị Lan');
    await type('newUsername', 'VP.CV2');
    await type('newPassword', 'mat-khau-1');
    const viewer = Array.from(el.querySelectorAll('mat-checkbox')).find((c) => c.textContent?.includes('Theo dõi'));
    viewer?.querySelector('input')?.click();
    api.createUser.mockRejectedValueOnce(
      new HttpErrorResponse({
        status: 409,
        error: { statusCode: 409, message: 'Tên đăng nhập "vp.cv2" đã có người dùng; vui lòng chọn tên khác.' },
      }),
    );
    await save();
    expect(api.createUser).toHaveBeenCalledWith(
      expect.objectContaining({ username: 'vp.cv2', fullName: 'Hà Thị Lan', roles: ['viewer'], password: 'mat-khau-1' }),
    );
    expect(el.querySelector('[data-testid="user-dialog-error"]')?.textContent?.trim()).toBe(
      'Tên đăng nhập "vp.cv2" đã có người dùng; vui lòng chọn tên khác.',
    );
    expect(close).not.toHaveBeenCalled();
  });

  it('an edit sends only the changed fields and closes with the saved user', async () => {
    const { el, api, close, type, save } = await open(existing);
    expect((el.querySelector('input[name="newUsername"]') as HTMLInputElement).disabled).toBe(true);
    await type('fullName', 'Đỗ Thị Mai Anh');
    const saved = { ...existing, fullName: 'Đỗ Thị Mai Anh' };
    api.updateUser.mockResolvedValueOnce(saved);
    await save();
    expect(api.updateUser).toHaveBeenCalledWith('id-1', { fullName: 'Đỗ Thị Mai Anh' });
    expect(close).toHaveBeenCalledWith(saved);
  });
});
