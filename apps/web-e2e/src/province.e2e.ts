import { login, newPage, shot, suiteBrowser } from './support/browser';
import { demoPeriodKey, e2eSkipped } from './support/env';

const suite = e2eSkipped() ? describe.skip : describe;

/** The superior agency (Sở Nội vụ of the province) follows its commune's reports, read-only. */
suite('A province user follows the commune', () => {
  const browser = suiteBrowser();

  test('Theo dõi lists the commune’s reports with the commune; the report opens read-only with its Nhật ký', async () => {
    const page = await newPage(browser());
    await login(page, 'snv.cv');
    expect(await page.getByTestId('org-name').textContent()).toContain('Sở Nội vụ tỉnh Đông Hòa');

    await page.goto('/theo-doi');
    const table = page.getByRole('table', { name: 'Bảng theo dõi báo cáo' });
    await table.waitFor();
    await table.getByRole('columnheader', { name: 'Cơ quan' }).waitFor();
    const row = table.locator('tr[data-testid="tracking-row"]').filter({ hasText: 'Ủy ban nhân dân xã An Bình' }).first();
    await row.waitFor();
    await page.getByText('cơ quan cấp dưới').waitFor();
    await shot(page, '50-tinh-theo-doi');

    // The search needs no diacritics and is the database's: only An Bình's rows, the total counted by the API.
    await page.getByTestId('board-search').fill('an binh');
    await page.waitForURL(/q=an/);
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('tr[data-testid="tracking-row"]')).length > 0 &&
        Array.from(document.querySelectorAll('tr[data-testid="tracking-row"]')).every((r) =>
          r.textContent?.includes('Ủy ban nhân dân xã An Bình'),
        ),
    );
    const total = Number(((await page.getByTestId('board-total').textContent()) ?? '').replace(/\./g, ''));
    expect(total).toBe(await page.locator('tr[data-testid="tracking-row"]').count());

    // The demo report (current quarter) of An Bình is among them; open it (read-only).
    const demo = page
      .locator(`tr[data-testid="tracking-row"]`)
      .filter({ hasText: periodLabel(demoPeriodKey()) })
      .filter({ hasText: 'Ủy ban nhân dân xã An Bình' })
      .first();
    await demo.getByRole('link').first().click();
    await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    await page.getByTestId('followed-notice').waitFor();
    expect(await page.getByTestId('followed-notice').textContent()).toContain('Ủy ban nhân dân xã An Bình');
    await page.locator('[data-testid="section-row"]').first().waitFor();
    expect(await page.locator('[data-event]').count()).toBe(0);
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    expect(await page.getByTestId('audit-verify').textContent()).toContain('toàn vẹn');
    await shot(page, '51-tinh-xem-bao-cao');
  });
});

/** "2026-Q4" → "Quý IV năm 2026", as the period label reads. */
function periodLabel(key: string): string {
  const [year, q] = key.split('-Q');
  return `Quý ${['I', 'II', 'III', 'IV'][Number(q) - 1]} năm ${year}`;
}
