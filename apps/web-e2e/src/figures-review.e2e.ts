import type { Page } from 'playwright-core';
import { login, newPage, shot, suiteBrowser, tokenOf } from './support/browser';
import { e2eSkipped } from './support/env';

/**
 * The multi-year review (issue 11 §2) in the browser: the create form offers the template, and the
 * Trung tâm PVHCC drafter's figures form shows one column per year (Năm 2021 … Năm 2025 "tính đến"
 * the cut-off); a year whose figures disagree gets its finding, named by its year.
 */
const suite = e2eSkipped() ? describe.skip : describe;

interface Report {
  id: string;
  version: number;
  sections: { id: string; code: string }[];
}

async function as(page: Page, username: string): Promise<Page> {
  await login(page, username);
  return page;
}

suite('The multi-year review: a column per year', () => {
  const browser = suiteBrowser();

  test('the create form lists it; the part’s figures have a column per year, checked year by year', async () => {
    const compiler = await as(await newPage(browser()), 'vhxh.truong');
    await compiler.goto('/bao-cao/tao-moi');
    await compiler.locator('mat-select[name="template"]').click();
    await compiler.getByRole('option', { name: /sơ kết, tổng kết giai đoạn/ }).waitFor();
    await shot(compiler, '80-mau-so-ket');
    await compiler.keyboard.press('Escape');

    const headers = { authorization: `Bearer ${await tokenOf(compiler)}` };
    const created = await compiler.request.post('/api/reports', {
      headers,
      data: { templateCode: 'CCHC_SO_KET', period: { kind: 'quarter', year: 2025, index: 1 }, deadline: '2025-04-10' },
    });
    expect(created.status()).toBe(201);
    const report = (await created.json()) as Report;
    const opened = await compiler.request.post(`/api/reports/${report.id}/events`, {
      headers,
      data: { type: 'open_collection', expectedVersion: report.version },
    });
    expect(opened.ok()).toBe(true);
    const part = report.sections.find((s) => s.code === 'II.2') as { id: string };

    const hcc = await as(await newPage(browser()), 'hcc.cv');
    await hcc.goto(`/bao-cao/${report.id}/phan/${part.id}`);
    await hcc.locator('.toolbar [data-event="start_drafting"]').click();
    const form = hcc.getByTestId('figures-form');
    await form.waitFor();
    const heads = (await form.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads.slice(3)).toEqual(['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025 (tính đến 14/3)']);
    const cell = (code: string, year: number) => form.locator(`input[data-figure="${code}"][data-period="${year - 2021}"]`);
    // 2024: 6 PAKN resolved of 4 received.
    for (const [code, year, value] of [
      ['5.1', 2023, '2'],
      ['5.2', 2023, '2'],
      ['5.1', 2024, '4'],
      ['5.2', 2024, '6'],
    ] as const) {
      await cell(code, year).fill(value);
      await cell(code, year).blur();
    }
    const finding = form.locator('[data-testid="figure-finding"][data-rule="part-of"]');
    await finding.waitFor();
    expect(await finding.count()).toBe(1);
    expect((await finding.textContent()) ?? '').toContain('Năm 2024');
    await shot(hcc, '81-so-lieu-tung-nam');
  });
});
