import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { login, newPage, shot, suiteBrowser, tokenOf } from './support/browser';
import { DEMO_REPORT_ROW, MISSING_CHROMIUM, e2eSkipped } from './support/env';
import { pdfText } from './support/pdf-text';

const suite = e2eSkipped() ? describe.skip : describe;

if (e2eSkipped()) {
  test('browser tests skipped', () => {
    console.warn(`[web-e2e] ${MISSING_CHROMIUM} — browser tests skipped (set E2E_REQUIRED=1 to fail instead).`);
  });
}

/** Opens the demo CCHC report from the "Báo cáo" list; returns its id. */
async function openDemoReport(page: Page, screenshot?: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await page.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
  const row = page.locator(DEMO_REPORT_ROW).first();
  await row.waitFor();
  if (screenshot) await shot(page, screenshot);
  await row.getByRole('link').first().click();
  await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="section-row"]').first().waitFor();
  return page.url().split('/').pop() as string;
}

function sectionRow(page: Page, code: string) {
  return page.locator(`tr[data-testid="section-row"][data-section-code="${code}"]`);
}

async function sectionIdOf(page: Page, code: string): Promise<string> {
  const href = await sectionRow(page, code).getByRole('link').first().getAttribute('href');
  const id = href?.split('/').pop();
  if (!id) throw new Error(`No link for section ${code}`);
  return id;
}

suite('Trình Ký in the browser', () => {
  const browser = suiteBrowser();

  test('a drafter submits a section; the Nhật ký records it; the PDF is an official document', async () => {
    const page = await newPage(browser());
    await page.goto('/');
    await page.waitForURL('**/dang-nhap**');
    await shot(page, '01-dang-nhap');
    await login(page, 'vhxh.cv');
    const header = page.getByTestId('current-user');
    await expectText(header, 'Đặng Văn Tùng');
    await expectText(page.getByTestId('org-name'), 'An Bình');
    await page.locator('[data-testid="inbox-item"]').first().waitFor();
    await shot(page, '02-viec-cua-toi');

    await openDemoReport(page, '03-bao-cao');
    await shot(page, '04-bao-cao-chi-tiet');

    const row = sectionRow(page, 'I');
    await row.locator('[data-event="start_drafting"]').click();
    await row.locator('[data-state="drafting"]').waitFor();
    await row.locator('[data-event="submit_section"]').click();
    // Submitting asks for an optional note to the reviewer.
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea').fill('Đã cập nhật số liệu đến ngày chốt.');
    await shot(page, '05a-nop-kem-ghi-chu');
    await dialog.getByTestId('confirm-action').click();
    await row.locator('[data-state="submitted"]').waitFor();
    expect(await row.locator('[data-event="submit_section"]').count()).toBe(0);
    await shot(page, '05-phan-da-nop');

    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    const entry = page.locator('[data-testid="audit-entry"][data-event="submit_section"]');
    await entry.first().waitFor();
    await expectText(entry.first(), 'Đặng Văn Tùng');
    await expectText(entry.first(), 'Đã cập nhật số liệu đến ngày chốt.');
    await expectText(page.getByTestId('audit-verify'), 'toàn vẹn');
    await shot(page, '06-nhat-ky');

    await page.getByRole('tab', { name: 'Xem PDF' }).click();
    const link = page.getByTestId('pdf-download');
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(squash(text)).toContain(squash('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    await shot(page, '07-xem-pdf');
  });

  test('a user of another unit never sees the button, and a forced request gets a clear message', async () => {
    const page = await newPage(browser());
    await login(page, 'kt.cv');
    const reportId = await openDemoReport(page);
    // Part II.3 belongs to Phòng Văn hóa - Xã hội (and is still only assigned): no action for a Kinh tế drafter.
    const foreign = sectionRow(page, 'II.3');
    await foreign.waitFor();
    expect(await foreign.locator('[data-event]').count()).toBe(0);
    // The Kinh tế part (II.5) is theirs.
    await sectionRow(page, 'II.5').locator('[data-event="start_drafting"]').waitFor();
    await shot(page, '08-don-vi-khac');

    const sectionId = await sectionIdOf(page, 'II.3');
    const token = await tokenOf(page);
    const forced = await page.evaluate(
      async ({ reportId, sectionId, token }) => {
        const auth = { Authorization: `Bearer ${token}` };
        const report = (await (await fetch(`/api/reports/${reportId}`, { headers: auth })).json()) as { version: number };
        const res = await fetch(`/api/reports/${reportId}/events`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'start_drafting', sectionId, expectedVersion: report.version }),
        });
        return { status: res.status, body: (await res.json()) as { message?: string } };
      },
      { reportId, sectionId, token },
    );
    expect(forced.status).toBe(403);
    expect(typeof forced.body.message).toBe('string');
    expect(forced.body.message?.length ?? 0).toBeGreaterThan(10);
    expect(forced.body.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýỹ]/i);

    // The same forced action through the screen (a button injected into the API's answer): the user reads the API's reason.
    await page.route(
      (url) => url.pathname === `/api/reports/${reportId}`,
      async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as { allowedEvents: unknown[] };
        body.allowedEvents.push({ type: 'start_drafting', sectionId, commentRequired: false, label: 'Bắt đầu soạn' });
        await route.fulfill({ response: res, json: body });
      },
    );
    await page.reload();
    await foreign.locator('[data-event="start_drafting"]').click();
    const error = page.getByTestId('action-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe(forced.body.message?.trim());
    await expectText(foreign, 'Đã giao');
    await shot(page, '09-thao-tac-bi-tu-choi');
  });
});

function squash(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '');
}

async function expectText(locator: { waitFor(): Promise<void>; textContent(): Promise<string | null> }, text: string): Promise<void> {
  await locator.waitFor();
  expect(await locator.textContent()).toContain(text);
}
