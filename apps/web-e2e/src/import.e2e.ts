import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { login, newPage, shot, suiteBrowser, tokenOf } from './support/browser';
import { WORKSPACE, e2eSkipped } from './support/env';

const suite = e2eSkipped() ? describe.skip : describe;
const SEEDS = resolve(WORKSPACE, '..', 'shared', 'seeds');

/** Bringing last quarter's report in through the screen: read, review what was understood, open a new report from it. */
suite('Nhập báo cáo có sẵn', () => {
  const browser = suiteBrowser();

  test('the compiler uploads a commune report, sees its parts and nothing unplaced, and opens a Q2 report with them', async () => {
    const name = readdirSync(SEEDS).find((f) => f.startsWith('000'));
    if (!name) throw new Error(`seed 000 not found in ${SEEDS}`);
    const page = await newPage(browser());
    await login(page, 'vhxh.truong');
    await page.goto('/bao-cao');
    await page.getByRole('link', { name: 'Nhập báo cáo có sẵn' }).click();
    await page.getByRole('heading', { name: 'Nhập báo cáo có sẵn' }).waitFor();

    // A file it cannot read is refused in words, before any upload.
    await page.setInputFiles('#import-file', { name: 'bao-cao-cu.doc', mimeType: 'application/msword', buffer: Buffer.from('x') });
    expect(await page.getByTestId('import-error').textContent()).toContain('lưu thành .docx');

    await page.setInputFiles('#import-file', {
      name: 'bao-cao-quy-truoc.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(join(SEEDS, name)),
    });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 30_000 });
    await page.getByTestId('unplaced-none').waitFor();
    // The parts the commune wrote are recognised (at least the sections I…III of the CCHC outline).
    expect(await preview.locator('li.found[data-part]').count()).toBeGreaterThanOrEqual(3);
    await shot(page, '60-nhap-bao-cao-xem-truoc');

    await page.locator('mat-select[name="index"]').click();
    await page.getByRole('option', { name: '2', exact: true }).click();
    await page.locator('input[name="year"]').fill('2026');
    await page.getByText('Quý II năm 2026').first().waitFor();
    await page.getByRole('button', { name: 'Mở báo cáo từ bản nhập' }).click();
    await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="section-row"]').first().waitFor();
    expect(await page.locator('h1').first().textContent()).toContain('Quý II năm 2026');
    await shot(page, '61-bao-cao-tu-ban-nhap');
    // The commune's text is in the parts, ready for the departments to update.
    const reportId = page.url().split('/').pop() as string;
    const token = await tokenOf(page);
    const blocks = await page.evaluate(
      async ({ reportId, token }) => {
        const auth = { Authorization: `Bearer ${token}` };
        const report = (await (await fetch(`/api/reports/${reportId}`, { headers: auth })).json()) as {
          sections: { id: string; code: string }[];
        };
        const out: Record<string, number> = {};
        for (const s of report.sections) {
          const detail = (await (await fetch(`/api/reports/${reportId}/sections/${s.id}`, { headers: auth })).json()) as {
            content: { blocks: unknown[] } | null;
          };
          out[s.code] = detail.content?.blocks.length ?? 0;
        }
        return out;
      },
      { reportId, token },
    );
    expect(blocks['I']).toBeGreaterThan(0);
    expect(blocks['II.2']).toBeGreaterThan(0);
  });
});
