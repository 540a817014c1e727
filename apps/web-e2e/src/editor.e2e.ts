import { login, newPage, shot, suiteBrowser, tokenOf } from './support/browser';
import { DEMO_REPORT_ROW, e2eSkipped } from './support/env';

const suite = e2eSkipped() ? describe.skip : describe;

suite('Section editor', () => {
  const browser = suiteBrowser();

  test('autosaves structured content and, on a conflicting save, shows both versions and merges', async () => {
    const page = await newPage(browser());
    await login(page, 'vhxh.cv');
    await page.goto('/bao-cao');
    await page.locator(`${DEMO_REPORT_ROW} a`).first().click();
    const row = page.locator('tr[data-testid="section-row"][data-section-code="III"]');
    await row.locator('[data-event="start_drafting"]').click();
    await row.locator('[data-state="drafting"]').waitFor();
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/phan\//);

    // Type a paragraph with bold markup and a bullet; autosave follows.
    await page.getByTestId('add-paragraph').click();
    await page.locator('textarea').first().fill('Tổng số hồ sơ đã giải quyết: **2.143**, đạt *99,81%*.');
    await page.getByTestId('add-paragraph').click();
    await page.locator('textarea').nth(1).fill('- Ban hành 05 kế hoạch');
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    await shot(page, '10-soan-thao');

    // What the API stored is the document model, not markup.
    const [reportId, sectionId] = page.url().split('/bao-cao/')[1].split('/phan/');
    const token = await tokenOf(page);
    const stored = await page.evaluate(
      async ({ reportId, sectionId, token }) => {
        const res = await fetch(`/api/reports/${reportId}/sections/${sectionId}`, { headers: { Authorization: `Bearer ${token}` } });
        return (await res.json()) as { currentRevisionId: string; content: { blocks: unknown[] } };
      },
      { reportId, sectionId, token },
    );
    expect(stored.content.blocks).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Tổng số hồ sơ đã giải quyết: ' },
          { text: '2.143', bold: true },
          { text: ', đạt ' },
          { text: '99,81%', italic: true },
          { text: '.' },
        ],
      },
      { type: 'bullet', marker: '-', runs: [{ text: 'Ban hành 05 kế hoạch' }] },
    ]);

    // Someone else saves meanwhile (same section, on top of the current revision).
    const put = await page.evaluate(
      async ({ reportId, sectionId, token, base }) => {
        const res = await fetch(`/api/reports/${reportId}/sections/${sectionId}/content`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            baseRevisionId: base,
            content: { blocks: [{ type: 'paragraph', runs: [{ text: 'Đoạn do người khác viết.' }] }] },
          }),
        });
        return res.status;
      },
      { reportId, sectionId, token, base: stored.currentRevisionId },
    );
    expect(put).toBeLessThan(300);

    await page.locator('textarea').first().fill('Tổng số hồ sơ đã giải quyết: **2.150**.');
    await page.getByRole('heading', { name: 'Có người khác vừa lưu phần này' }).waitFor({ timeout: 15_000 });
    await shot(page, '11-xung-dot');
    await page.getByTestId('conflict-merge').click();
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    const texts = await page.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(texts).toEqual(['Đoạn do người khác viết.', 'Tổng số hồ sơ đã giải quyết: **2.150**.', 'Ban hành 05 kế hoạch']);
    await shot(page, '12-da-gop');
  });

  test('a save that fails keeps the text on this device, retries, and survives a reload', async () => {
    const page = await newPage(browser());
    await login(page, 'vhxh.cv');
    await page.goto('/bao-cao');
    await page.locator(`${DEMO_REPORT_ROW} a`).first().click();
    const row = page.locator('tr[data-testid="section-row"][data-section-code="IV"]');
    await row.locator('[data-event="start_drafting"]').click();
    await row.locator('[data-state="drafting"]').waitFor();
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/phan\//);

    // The network drops: every save fails.
    const saves = '**/api/reports/*/sections/*/content';
    await page.route(saves, (route) => route.abort('internetdisconnected'));
    await page.getByTestId('add-paragraph').click();
    await page.locator('section.editor textarea').first().fill('Nội dung soạn trong lúc mất kết nối.');
    await page.locator('[data-save-state="error"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('action-error').textContent()).toContain('giữ trên máy này');
    await shot(page, '13-luu-that-bai');

    // Closing or reloading the page does not lose it.
    await page.reload();
    await page.getByText('Đã khôi phục nội dung chưa lưu').waitFor();
    expect(await page.locator('section.editor textarea').first().inputValue()).toBe('Nội dung soạn trong lúc mất kết nối.');

    // The connection is back: the next attempt stores it and the local copy is dropped.
    await page.unroute(saves);
    await page.getByRole('button', { name: 'Lưu ngay' }).click();
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    const [reportId, sectionId] = page.url().split('/bao-cao/')[1].split('/phan/');
    const token = await tokenOf(page);
    const stored = await page.evaluate(
      async ({ reportId, sectionId, token }) => {
        const res = await fetch(`/api/reports/${reportId}/sections/${sectionId}`, { headers: { Authorization: `Bearer ${token}` } });
        return {
          body: (await res.json()) as { content: { blocks: unknown[] } },
          draft: localStorage.getItem(`tk.draft.${reportId}.${sectionId}`),
        };
      },
      { reportId, sectionId, token },
    );
    expect(stored.body.content.blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Nội dung soạn trong lúc mất kết nối.' }] }]);
    expect(stored.draft).toBeNull();
    await shot(page, '14-da-luu-lai');
  });
});
