import type { Locator, Page } from 'playwright-core';
import { login, newPage, shot, suiteBrowser, tokenOf } from './support/browser';
import { MISSING_CHROMIUM, e2eSkipped } from './support/env';

const suite = e2eSkipped() ? describe.skip : describe;

if (e2eSkipped()) {
  test('browser tests skipped', () => {
    console.warn(`[web-e2e] ${MISSING_CHROMIUM} — browser tests skipped (set E2E_REQUIRED=1 to fail instead).`);
  });
}

/** dd/mm/yyyy of today + n days in Vietnam. */
function viDate(n = 0): string {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + n * 86_400_000));
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  // From the keyboard, as a user without a mouse would (an empty select's floating label covers its trigger anyway).
  await scope.getByRole('combobox', { name: label }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The text as shown (line breaks between block elements become spaces). */
async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Quản trị in the browser. Shares the server with the other suites: it only adds a NEW user and a
 * delegation for that user (ended again at the end), and never saves a routing policy.
 */
suite('Quản trị', () => {
  const browser = suiteBrowser();
  const username = `e2e.${Date.now().toString(36)}`;
  const fullName = 'Kiều Thị Thử Nghiệm';

  test('the admin creates a user and a TUQ. delegation for them, and sees the derived signature block', async () => {
    const page = await newPage(browser());
    await login(page, 'admin');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { name: 'Quản trị', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
    await shot(page, '20-quan-tri-don-vi');

    // Người dùng: a new user through the dialog.
    await page.getByRole('tab', { name: 'Người dùng' }).click();
    await page.locator('[data-testid="user-row"][data-username="vhxh.cv"]').waitFor();
    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Thêm người dùng' }).waitFor();
    await dialog.getByTestId('save-user').click(); // empty: the form names what is missing, nothing is sent
    await dialog.getByText('Vui lòng nhập tên đăng nhập.').first().waitFor();
    await dialog.getByLabel('Họ và tên').fill(fullName);
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await choose(page, dialog, 'Chức vụ', 'Trưởng phòng');
    await dialog.getByRole('checkbox', { name: 'Theo dõi' }).check();
    await dialog.getByLabel('Mật khẩu').fill('mat-khau-e2e');
    await shot(page, '21-them-nguoi-dung');
    await dialog.getByTestId('save-user').click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
    expect(await textOf(row)).toContain(fullName);
    expect(await textOf(page.getByTestId('admin-notice-users'))).toContain(`Đã thêm người dùng ${fullName}`);

    // The same username again: the API's 409 reason shows in the dialog.
    await page.getByTestId('add-user').click();
    await dialog.getByLabel('Họ và tên').fill('Người Trùng Tên');
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByRole('checkbox', { name: 'Theo dõi' }).check();
    await dialog.getByLabel('Mật khẩu').fill('mat-khau-e2e');
    await dialog.getByTestId('save-user').click();
    expect(await textOf(dialog.getByTestId('user-dialog-error'))).toBe(
      `Tên đăng nhập "${username}" đã có người dùng; vui lòng chọn tên khác.`,
    );
    await shot(page, '22-trung-ten-dang-nhap');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The new user can log in.
    const theirs = await newPage(browser());
    await login(theirs, username, 'mat-khau-e2e');
    expect(await textOf(theirs.getByTestId('current-user'))).toContain(fullName);
    await theirs.context().close();

    // Ủy quyền: a refused kind shows the API's words; a TUQ. with dates shows its block.
    await page.getByRole('tab', { name: 'Ủy quyền' }).click();
    await page.getByRole('heading', { name: 'Ủy quyền ký' }).waitFor();
    await choose(page, page, 'Hình thức', 'KT. — ký thay Chủ tịch (Phó Chủ tịch)');
    await choose(page, page, 'Người được ủy quyền', `${fullName} — Trưởng phòng`);
    expect(await textOf(page.getByTestId('block-preview'))).toContain('Chỉ Phó Chủ tịch mới được ký thay (KT.) Chủ tịch.');
    await page.getByTestId('add-delegation').click(); // refused before sending, in the words the API and signing use (libs/workflow)
    expect(await textOf(page.getByTestId('admin-error-delegations'))).toBe('Chỉ Phó Chủ tịch mới được ký thay (KT.) Chủ tịch.');

    await choose(page, page, 'Hình thức', 'TUQ. — thừa ủy quyền Chủ tịch (có thời hạn)');
    await page.getByTestId('add-delegation').click(); // no dates: refused before sending
    await page.getByText('Giấy ủy quyền (TUQ.) phải có thời hạn: cần ghi rõ cả từ ngày và đến ngày.').first().waitFor();
    await page.getByLabel('Từ ngày').fill(viDate(0));
    await page.getByLabel('Đến ngày').fill(viDate(30));
    await page.getByRole('checkbox', { name: /^CCHC/ }).check();
    expect(await textOf(page.getByTestId('block-preview'))).toContain(`TUQ. CHỦ TỊCH TRƯỞNG PHÒNG ${fullName}`);
    await shot(page, '23-giao-uy-quyen');
    await page.getByTestId('add-delegation').click();
    const delegation = page.locator(`[data-testid="delegation-row"][data-username="${username}"][data-kind="TUQ"]`);
    expect(await textOf(delegation.getByTestId('delegation-validity'))).toBe('Đang hiệu lực');
    const block = await delegation.getByTestId('delegation-block').locator('div div').allTextContents();
    expect(block.map((l) => l.trim())).toEqual(['TUQ. CHỦ TỊCH', 'TRƯỞNG PHÒNG', fullName]);
    expect(await textOf(delegation)).toContain(viDate(30));
    await shot(page, '24-uy-quyen-khoi-chu-ky');

    // Quy trình: shown with descriptions; another choice explains itself before saving (not saved: other suites use CCHC).
    await page.getByRole('tab', { name: 'Quy trình' }).click();
    const policy = page.locator('[data-testid="policy-row"][data-kind="CCHC"]');
    expect(await textOf(policy.getByTestId('policy-description'))).toContain('Phó Chủ tịch phụ trách lĩnh vực văn hóa - xã hội ký');
    await choose(page, policy, 'Quy trình cho CCHC', 'Đầy đủ: trưởng phòng duyệt, Văn phòng kiểm tra thể thức, Phó Chủ tịch phụ trách ký');
    expect(await textOf(policy.getByTestId('policy-description'))).toContain('Văn phòng HĐND và UBND kiểm tra thể thức');
    await shot(page, '25-quy-trinh');

    // End the delegation again (keyboard: the button, then the confirmation).
    await page.getByRole('tab', { name: 'Ủy quyền' }).click();
    await delegation.getByRole('button', { name: `Kết thúc TUQ. của ${fullName}` }).focus();
    await page.keyboard.press('Enter');
    await delegation.getByTestId('confirm-end').focus();
    await page.keyboard.press('Enter');
    expect(await textOf(page.getByTestId('admin-notice-delegations'))).toContain(`Đã kết thúc TUQ. của ${fullName}`);
    expect(await textOf(delegation.getByTestId('delegation-validity'))).toMatch(/^Đã kết thúc ngày/);
    await page.getByRole('tab', { name: 'Nhật ký quản trị' }).click();
    expect(await textOf(page.getByTestId('admin-log-entry').first())).toContain(`Kết thúc TUQ. của ${fullName}`);
    await shot(page, '26-nhat-ky-quan-tri');
  });

  test('a non-admin has no Quản trị menu, the route sends them home, and a forced request gets the Vietnamese reason', async () => {
    const page = await newPage(browser());
    await login(page, 'vhxh.truong');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Báo cáo', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await page.goto('/quan-tri');
    await page.waitForURL('**/viec-cua-toi');
    const token = await tokenOf(page);
    const forced = await page.evaluate(async (t) => {
      const res = await fetch('/api/admin/organisation', { headers: { Authorization: `Bearer ${t}` } });
      return { status: res.status, body: (await res.json()) as { message?: string } };
    }, token);
    expect(forced.status).toBe(403);
    expect(forced.body.message).toBe(
      'Chỉ người có vai trò Quản trị mới được dùng chức năng quản trị (đơn vị, người dùng, ủy quyền, quy trình).',
    );
    await shot(page, '27-khong-phai-quan-tri');
  });
});
