import type { Page } from 'playwright-core';
import { login, newPage, suiteBrowser } from './support/browser';
import { DEMO_REPORT_ROW, e2eSkipped } from './support/env';

const suite = e2eSkipped() ? describe.skip : describe;

/** Every Content-Security-Policy violation the page reports (DOM event) or logs (console). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) logged.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

suite('the Content-Security-Policy fits the built app', () => {
  const browser = suiteBrowser();

  test('login, work list, a report with its PDF preview, the register, administration and the API docs: no violation', async () => {
    const page = await newPage(browser());
    const violations = await watchCsp(page);
    const res = await page.goto('/dang-nhap');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await login(page, 'vhxh.cv');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo', exact: true }).click();
    const row = page.locator(DEMO_REPORT_ROW).first();
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: 'Xem PDF' }).click();
    await page.locator('iframe[title="Bản xem trước PDF của báo cáo"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.goto('/so-van-ban-di');
    await page.waitForTimeout(1000);
    expect(await violations()).toEqual([]);

    const adminPage = await newPage(browser());
    const adminViolations = await watchCsp(adminPage);
    await login(adminPage, 'admin');
    await adminPage.goto('/quan-tri');
    await adminPage.waitForTimeout(1500);
    await adminPage.goto('/api/docs');
    await adminPage.locator('.swagger-ui').first().waitFor();
    await adminPage.waitForTimeout(1000);
    expect(await adminViolations()).toEqual([]);
  }, 300_000);
});
