import { login, newPage, shot, suiteBrowser } from './support/browser';
import { e2eSkipped } from './support/env';

const suite = e2eSkipped() ? describe.skip : describe;

suite('Live updates', () => {
  const browser = suiteBrowser();

  test("the compiler's Việc của tôi shows a submitted part without reloading", async () => {
    const compiler = await newPage(browser());
    await login(compiler, 'vhxh.truong');
    await compiler.getByText('Cập nhật trực tiếp').waitFor();
    // The demo's quarterly report (other suites open reports with the same part titles, e.g. the multi-year review).
    const quarterly = { hasText: 'Cải cách thủ tục hành chính', hasNotText: /giai đoạn/i };
    const part = compiler.locator('[data-testid="inbox-item"]', quarterly);
    expect(await part.count()).toBe(0);

    const drafter = await newPage(browser());
    await login(drafter, 'hcc.cv');
    const item = drafter.locator('[data-testid="inbox-item"]', quarterly).first();
    await item.getByRole('link').nth(1).click();
    await drafter.waitForURL(/\/phan\//);
    await drafter.locator('[data-event="start_drafting"]').click();
    await drafter.locator('[data-event="submit_section"]').click();
    await drafter.getByRole('dialog').getByTestId('confirm-action').click();
    await drafter.locator('[data-state="submitted"]').waitFor();

    // No reload on the compiler's side: the server-sent event brings the new work item.
    await part.waitFor({ timeout: 15_000 });
    await part.getByText('Chấp nhận').waitFor();
    await shot(compiler, '13-cap-nhat-truc-tiep');
  });
});
