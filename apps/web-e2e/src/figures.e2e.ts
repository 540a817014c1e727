import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { login, newPage, shot, suiteBrowser, tokenOf } from './support/browser';
import { apiAs } from './support/api';
import { e2eSkipped } from './support/env';
import { pdfText } from './support/pdf-text';

/**
 * Figures as data through the screens (issue 11): the Trung tâm PVHCC drafter types figures that do
 * not add up, sees the finding beside them and cannot submit; corrects them, binds a figure in the
 * text and submits; the compiler accepts; the signer's checks panel is empty; the issued PDF shows
 * the figures and the bound value. The other parts go through the API (lifecycle.e2e.ts drives them
 * through the screens).
 */
const suite = e2eSkipped() ? describe.skip : describe;

interface Section {
  id: string;
  code: string;
  unit: { code: string };
  state: string;
}
interface Report {
  id: string;
  version: number;
  state: string;
  sections: Section[];
}

/** The API as a logged-in user (the token the app keeps), for the steps this test does not watch. */
function apiOf(page: Page) {
  const headers = async (): Promise<Record<string, string>> => ({ authorization: `Bearer ${await tokenOf(page)}` });
  return {
    async get<T>(path: string): Promise<T> {
      const res = await page.request.get(`/api${path}`, { headers: await headers() });
      if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async event(id: string, type: string, extra: { sectionId?: string; comment?: string } = {}): Promise<void> {
      const report = await this.get<Report>(`/reports/${id}`);
      const res = await page.request.post(`/api/reports/${id}/events`, {
        headers: await headers(),
        data: { type, expectedVersion: report.version, ...extra },
      });
      if (!res.ok()) throw new Error(`${type}: ${res.status()} ${await res.text()}`);
    },
    async bytes(path: string): Promise<Buffer> {
      const res = await page.request.get(`/api${path}`, { headers: await headers(), timeout: 120_000 });
      if (!res.ok()) throw new Error(`GET ${path}: ${res.status()}`);
      return res.body();
    },
  };
}

/**
 * The API as `username` without a browser: the drafters of the other parts only move them on, no
 * screen of theirs is watched (a page and a login through the form each would cost Chromium ~4 s of CPU).
 */
async function eventsAs(username: string) {
  const call = await apiAs(username);
  return async (id: string, type: string, extra: { sectionId?: string } = {}): Promise<void> => {
    const report = (await call('GET', `/api/reports/${id}`)) as unknown as Report;
    await call('POST', `/api/reports/${id}/events`, { type, expectedVersion: report.version, ...extra });
  };
}

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, username);
  return page;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DRAFTERS: Record<string, string> = { VHXH: 'vhxh.cv', VP: 'vp.cv', KT: 'kt.cv', HCC: 'hcc.cv' };

function squash(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '');
}

suite('Figures of a part: typed, checked, bound in the text, signed and issued', () => {
  const browser = suiteBrowser(async (b) => {
    const pages = b.contexts().flatMap((c) => c.pages());
    for (let i = 0; i < pages.length; i++) await shot(pages[i], `79-so-lieu-cuoi-phien-${i}`).catch(() => undefined);
  });

  test('a finding blocks submitting until the figures agree; the signer sees no finding; the PDF shows the figures', async () => {
    // The compiler opens Q1 2026 and opens collection (through the API: the lifecycle test shows the screens).
    const compiler = await as(browser(), 'vhxh.truong');
    const capi = apiOf(compiler);
    const created = await compiler.request.post('/api/reports', {
      headers: { authorization: `Bearer ${await tokenOf(compiler)}` },
      data: { templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2026, index: 1 }, deadline: '2026-12-28' },
    });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    await capi.event(id, 'open_collection');
    const sections = (await capi.get<Report>(`/reports/${id}`)).sections;
    const tthc = sections.find((s) => s.code === 'II.2') as Section;

    // 1. The Trung tâm PVHCC drafter opens part II.2: its outline and its figures form.
    const hcc = await as(browser(), 'hcc.cv');
    await hcc.goto(`/bao-cao/${id}/phan/${tthc.id}`);
    await hcc.locator('.toolbar [data-event="start_drafting"]').click();
    await hcc.getByTestId('add-paragraph').waitFor();
    await hcc.getByTestId('part-outline').getByText('Công khai thủ tục hành chính').waitFor();
    const form = hcc.getByTestId('figures-form');
    const cell = (code: string) => form.locator(`input[data-figure="${code}"][data-period="0"]`);
    // Seed 000's figures: 2.143 resolved + 26 pending ≠ 2.182 received. Typed without separators, shown with them.
    for (const [code, value] of [
      ['4', '2182'],
      ['5', '2143'],
      ['5.1', '2139'],
      ['5.2', '4'],
      ['6', '26'],
    ] as const) {
      await cell(code).fill(value);
      await cell(code).blur();
    }
    await expect(cell('4').inputValue()).resolves.toBe('2.182');
    // The rate is computed, never typed.
    await expect(form.locator('output[data-figure="5.3"]').textContent()).resolves.toContain('99,81 %');
    const finding = form.locator('[data-testid="figure-finding"][data-rule="flow"]');
    await finding.waitFor();
    const message = (await finding.textContent()) ?? '';
    expect(message).toContain('2.169');
    expect(message).toContain('2.182');
    expect(message).toContain('lệch 13');
    const submit = hcc.locator('.toolbar [data-event="submit_section"]');
    await expect(submit.isDisabled()).resolves.toBe(true);
    await expect(hcc.getByTestId('submit-blocked').textContent()).resolves.toContain('1 lỗi số liệu cần sửa');
    await shot(hcc, '70-so-lieu-lech');

    // 2. Corrected: received 2.169. The finding goes as the figure is typed; a paragraph binds "đúng hạn".
    await cell('4').fill('2.169');
    await finding.waitFor({ state: 'detached' });
    await expect(hcc.getByTestId('figures-summary').textContent()).resolves.toContain('không có phát hiện nào');
    await hcc.getByTestId('add-paragraph').click();
    const area = hcc.locator('section.editor textarea').first();
    await area.fill('Giải quyết trước hạn và đúng hạn ');
    await hcc.locator('[data-testid="insert-figure"]').first().selectOption('{{TTHC:5.1}}');
    await expect(area.inputValue()).resolves.toBe('Giải quyết trước hạn và đúng hạn {{TTHC:5.1}}');
    await expect(hcc.getByTestId('figure-chip').first().textContent()).resolves.toBe('2.139 hồ sơ');
    await area.press('End');
    await area.pressSequentially(', đạt tỷ lệ ');
    await hcc.locator('[data-testid="insert-figure"]').first().selectOption('{{TTHC:5.3}}');
    await expect(hcc.getByTestId('figure-chip').nth(1).textContent()).resolves.toBe('99,81 %');
    await hcc.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    await shot(hcc, '71-so-lieu-khop-chip');
    await expect(submit.isDisabled()).resolves.toBe(false);

    // Excel: the part's sheet downloads with the figures; a sheet with text where a number belongs is
    // refused naming the cell and changes nothing; the sheet as downloaded imports.
    const [download] = await Promise.all([hcc.waitForEvent('download'), hcc.getByTestId('part-sheet').click()]);
    const sheet = readFileSync(await download.path());
    expect(sheet.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet as unknown as ArrayBuffer);
    let address = '';
    book.worksheets.forEach((ws) =>
      ws.eachRow((r) =>
        r.eachCell((c) => {
          if (!address && c.value === 2169) {
            address = c.address;
            c.value = 'hai nghìn';
          }
        }),
      ),
    );
    expect(address).toMatch(/^[A-Z]+\d+$/);
    const upload = (buffer: Buffer) =>
      hcc.locator('tk-figures-sheet input[type="file"]').setInputFiles({ name: 'so-lieu-II.2.xlsx', mimeType: XLSX, buffer });
    await upload(Buffer.from(await book.xlsx.writeBuffer()));
    await expect(hcc.getByTestId('sheet-error').textContent()).resolves.toContain(`Ô ${address}`);
    await expect(cell('4').inputValue()).resolves.toBe('2.169');
    await upload(sheet);
    await expect(hcc.getByTestId('sheet-notice').textContent()).resolves.toContain('Số liệu khớp');
    await expect(cell('4').inputValue()).resolves.toBe('2.169');
    await hcc.getByTestId('figure-chip').first().waitFor();
    await submit.click();
    const d = hcc.getByRole('dialog');
    await d.getByTestId('confirm-action').click();
    await hcc.locator('header [data-state="submitted"]').waitFor();

    // The saved revision (the imported sheet's) holds the figures as typed; the rate is computed when shown.
    const saved = await apiOf(hcc).get<{ figures: { values: Record<string, (string | null)[]>; findings: unknown[] } }>(
      `/reports/${id}/sections/${tthc.id}`,
    );
    expect(saved.figures.values['4']).toEqual(['2.169']);
    expect(saved.figures.values['5.1']).toEqual(['2.139']);
    expect(saved.figures.findings).toEqual([]);
    await hcc.context().close(); // done: an open page re-renders on every live update of the report

    // 3. Every other part, by its department, through the API.
    for (const s of sections.filter((x) => x.id !== tthc.id)) {
      const event = await eventsAs(DRAFTERS[s.unit.code]);
      await event(id, 'start_drafting', { sectionId: s.id });
      await event(id, 'submit_section', { sectionId: s.id });
    }

    // 4. The compiler reads the part (figures read-only) and accepts it on the report page.
    await compiler.goto(`/bao-cao/${id}/phan/${tthc.id}`);
    await compiler.getByTestId('figures-form').locator('[data-figure="4"]').filter({ hasText: '2.169' }).waitFor();
    await compiler.goto(`/bao-cao/${id}`);
    const row = compiler.locator(`tr[data-testid="section-row"][data-section-code="II.2"]`);
    await row.locator('[data-event="accept_section"]').click();
    await row.locator('[data-state="accepted"]').waitFor();
    for (const s of sections.filter((x) => x.id !== tthc.id)) await capi.event(id, 'accept_section', { sectionId: s.id });
    await capi.event(id, 'start_compiling');
    await capi.event(id, 'send_for_signature');
    await compiler.context().close();

    // 5. The signer's checks panel: no finding. Signing goes through.
    const pct = await as(browser(), 'pct.vhxh');
    await pct.goto(`/bao-cao/${id}`);
    await pct.getByRole('tab', { name: 'Kiểm tra số liệu' }).click();
    const summary = pct.getByTestId('checks-summary');
    await summary.waitFor();
    await expect(summary.getAttribute('data-count')).resolves.toBe('0');
    await expect(summary.textContent()).resolves.toContain('không có phát hiện nào');
    await shot(pct, '72-kiem-tra-so-lieu-trong');
    await pct.locator('.tk-actions [data-event="sign"]').click();
    await pct.getByRole('dialog').getByTestId('confirm-action').click();
    await pct.locator('[data-testid="report-state"] [data-state="signed"]').waitFor({ timeout: 60_000 });
    await pct.context().close();

    // 6. The văn thư issues it; the issued PDF shows the figures, and the bound figure equals the annex's value.
    const clerk = await as(browser(), 'vanthu');
    await apiOf(clerk).event(id, 'issue');
    await clerk.goto(`/bao-cao/${id}`);
    const [annexDownload] = await Promise.all([clerk.waitForEvent('download'), clerk.getByTestId('annex-xlsx').click()]);
    const annexBook = new ExcelJS.Workbook();
    await annexBook.xlsx.load(readFileSync(await annexDownload.path()) as unknown as ArrayBuffer);
    const numbers = annexBook.worksheets.flatMap((ws) =>
      ws
        .getSheetValues()
        .flat()
        .filter((v): v is number => typeof v === 'number'),
    );
    for (const v of [2169, 2143, 2139, 26]) expect(numbers).toContain(v);
    const text = squash(await pdfText(await apiOf(clerk).bytes(`/reports/${id}/pdf`)));
    expect(text).toContain(squash('Giải quyết trước hạn và đúng hạn 2.139 hồ sơ, đạt tỷ lệ 99,81 %'));
    const annex = text.slice(text.lastIndexOf(squash('THỐNG KÊ SỐ LIỆU')));
    expect(annex.length).toBeGreaterThan(100);
    expect(annex).toContain(squash('Tổng số hồ sơ tiếp nhận Hồ sơ 2.169'));
    expect(annex).toContain(squash('Tổng số hồ sơ đã giải quyết Hồ sơ 2.143'));
    // The narrative's bound value is the annex's value.
    expect(annex).toContain(squash('Hồ sơ giải quyết trước hạn và đúng hạn Hồ sơ 2.139'));
    expect(annex).toContain(squash('Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn % 99,81 %'));
  }, 600_000);
});
