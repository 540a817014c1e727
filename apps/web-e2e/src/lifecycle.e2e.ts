import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { login, newPage, shot, suiteBrowser } from './support/browser';
import { e2eSkipped } from './support/env';
import { pdfText } from './support/pdf-text';
// poppler's pdfsig and an NSS database (the library's test helpers: an independent verifier).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { nssTrusting, pdfsig } from '../../../libs/documents/src/testing/pdfsig';

/**
 * The whole lifecycle of a report through the screens, each step by the user who holds it:
 * a compiler opens a new report from the template, drafters of four departments write and submit
 * their parts (one is returned with a comment and fixed), the compiler compiles, the Phó Chủ tịch
 * returns the report once and then signs, the văn thư numbers, dispatches and records receipt.
 */
const suite = e2eSkipped() ? describe.skip : describe;

const VHXH_PARTS = ['opening', 'I', 'II.3', 'II.4', 'III', 'IV', 'V'];
const ALL_PARTS = ['opening', 'I', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'III', 'IV', 'V'];
const RETURN_COMMENT = 'Đề nghị bổ sung số liệu giải ngân vốn đầu tư công quý III.';
const SIGN_RETURN_COMMENT = 'Phần đánh giá chung cần nêu rõ các chỉ số còn thấp.';

function sectionRow(page: Page, code: string): Locator {
  return page.locator(`tr[data-testid="section-row"][data-section-code="${code}"]`);
}

function reportState(page: Page, state: string): Locator {
  return page.locator(`[data-testid="report-state"] [data-state="${state}"]`);
}

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, username);
  return page;
}

/**
 * A user whose last step is done leaves: an open page re-renders on every live update of the report
 * (server-sent events) and keeps its renderer process, both CPU the later steps do not need.
 */
async function leave(page: Page): Promise<void> {
  await page.context().close();
}

async function openReport(page: Page, id: string): Promise<void> {
  await page.goto(`/bao-cao/${id}`);
  // Signers land on the PDF tab, everyone else on the parts.
  await page.locator('[data-testid="report-state"] [data-state]').waitFor();
}

/** Clicks the action `event` inside `scope`; fills and confirms the dialog when one opens. */
async function act(page: Page, scope: Locator, event: string, dialog?: { comment?: string; screenshot?: string }): Promise<void> {
  await scope.locator(`[data-event="${event}"]`).first().click();
  if (dialog) {
    const d = page.getByRole('dialog');
    await d.waitFor();
    if (dialog.comment) await d.locator('textarea').fill(dialog.comment);
    if (dialog.screenshot) await shot(page, dialog.screenshot);
    await d.getByTestId('confirm-action').click();
    await d.waitFor({ state: 'detached' });
  }
}

/** From "Việc của tôi", opens the part of report `id` titled `title`, starts drafting, writes, submits. */
async function writeAndSubmit(page: Page, id: string, title: string, paragraphs: string[], screenshot?: string): Promise<void> {
  await page.goto('/viec-cua-toi');
  const item = page
    .locator('[data-testid="inbox-item"]')
    .filter({ has: page.locator(`a[href*="/bao-cao/${id}/phan/"]`) })
    .filter({ hasText: title });
  await item.first().getByRole('link', { name: title }).click();
  await page.waitForURL(/\/phan\//);
  await page.locator('.toolbar [data-event="start_drafting"]').click();
  await page.getByTestId('add-paragraph').waitFor();
  const areas = page.locator('section.editor textarea');
  const existing = await areas.count();
  for (let i = 0; i < paragraphs.length; i++) {
    if (i >= existing) await page.getByTestId('add-paragraph').click();
    await areas.nth(i).fill(paragraphs[i]);
  }
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 20_000 });
  if (screenshot) await shot(page, screenshot);
  await act(page, page.locator('.toolbar'), 'submit_section', { comment: 'Kính chuyển phòng Văn hóa - Xã hội tổng hợp.' });
  await page.locator('header [data-state="submitted"]').waitFor();
}

async function downloadPdfBytes(page: Page): Promise<Buffer> {
  await page.getByRole('tab', { name: 'Xem PDF' }).click();
  const link = page.getByTestId('pdf-download');
  await link.waitFor({ timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return bytes;
}

async function downloadPdf(page: Page): Promise<string> {
  return pdfText(await downloadPdfBytes(page));
}

/** Reopens the report until the signatures panel lists `n` valid signatures (the PDF is frozen after the outbox runs). */
async function waitForSignatures(page: Page, id: string, n: number): Promise<string> {
  let text = '';
  for (let i = 0; i < 30; i++) {
    await openReport(page, id);
    const summary = page.getByTestId('signatures-summary');
    await summary.waitFor();
    text = (await summary.textContent()) ?? '';
    if (text.includes(`Tất cả ${n} chữ ký số hợp lệ`)) return text;
    await page.waitForTimeout(1000);
  }
  return text;
}

function squash(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '');
}

suite('A report from draft to acknowledged, through the screens', () => {
  // What each user's screen shows at the end (on failure: where it stopped).
  const browser = suiteBrowser(async (b) => {
    const pages = b.contexts().flatMap((c) => c.pages());
    for (let i = 0; i < pages.length; i++) await shot(pages[i], `33-cuoi-phien-nguoi-dung-${i}`).catch(() => undefined);
  });

  test('every role does its part; the board, the audit chain and the issued PDF agree', async () => {
    // 1. The compiler (head of Văn hóa - Xã hội) opens the Q3 report from the template.
    const compiler = await as(browser(), 'vhxh.truong');
    await compiler.goto('/bao-cao/tao-moi');
    await compiler.getByRole('heading', { name: 'Mở báo cáo mới từ mẫu' }).waitFor();
    await compiler.locator('mat-select[name="index"]').click();
    await compiler.getByRole('option', { name: '3', exact: true }).click();
    await compiler.locator('input[name="year"]').fill('2026');
    await compiler.locator('input[name="deadline"]').fill('2026-12-28');
    await compiler.getByText('Quý III năm 2026').first().waitFor();
    await shot(compiler, '20-mo-bao-cao-moi');
    await compiler.getByRole('button', { name: 'Mở báo cáo' }).click();
    await compiler.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    const id = compiler.url().split('/').pop() as string;
    await compiler.locator('[data-testid="section-row"]').first().waitFor();
    expect(await compiler.locator('[data-testid="section-row"]').count()).toBe(ALL_PARTS.length);
    await reportState(compiler, 'draft').waitFor();
    await act(compiler, compiler.locator('.tk-actions'), 'open_collection');
    await reportState(compiler, 'collecting').waitFor();
    await shot(compiler, '21-bao-cao-moi-thu-thap');

    // 2. Drafters of Kinh tế, Trung tâm PVHCC and Văn phòng write their parts in the editor.
    const kt = await as(browser(), 'kt.cv');
    await writeAndSubmit(
      kt,
      id,
      'Cải cách tài chính công',
      ['Thực hiện nghiêm quy định về quản lý tài chính, ngân sách.', '- Giải ngân vốn đầu tư công đạt **62,5%** kế hoạch.'],
      '22-soan-phan-kinh-te',
    );
    const hcc = await as(browser(), 'hcc.cv');
    await writeAndSubmit(hcc, id, 'Cải cách thủ tục hành chính', ['Tiếp nhận **2.143** hồ sơ, giải quyết đúng hạn đạt *99,81%*.']);
    await leave(hcc);
    const vp = await as(browser(), 'vp.cv');
    await writeAndSubmit(vp, id, 'Cải cách thể chế', ['Ban hành 02 văn bản quy phạm pháp luật đúng trình tự.']);
    await writeAndSubmit(vp, id, 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', [
      '100% văn bản được trao đổi trên môi trường điện tử.',
    ]);
    await leave(vp);

    // The Văn hóa - Xã hội drafter works from the report page.
    const vhxh = await as(browser(), 'vhxh.cv');
    await openReport(vhxh, id);
    for (const code of VHXH_PARTS) {
      const row = sectionRow(vhxh, code);
      await act(vhxh, row, 'start_drafting');
      await row.locator('[data-state="drafting"]').waitFor();
      await act(vhxh, row, 'submit_section', {});
      await row.locator('[data-state="submitted"]').waitFor();
    }
    await shot(vhxh, '23-cac-phan-da-nop');
    await leave(vhxh);

    // 3. The compiler returns the Kinh tế part with a comment and accepts the others.
    await openReport(compiler, id);
    const ktRow = sectionRow(compiler, 'II.5');
    await act(compiler, ktRow, 'return_section', { comment: RETURN_COMMENT, screenshot: '24-tra-lai-phan' });
    await ktRow.locator('[data-state="returned"]').waitFor();
    await expect(ktRow.textContent()).resolves.toContain(RETURN_COMMENT);
    for (const code of ALL_PARTS.filter((c) => c !== 'II.5')) {
      const row = sectionRow(compiler, code);
      await act(compiler, row, 'accept_section');
      await row.locator('[data-state="accepted"]').waitFor();
    }
    // Not every part is accepted yet: compiling is not offered.
    expect(await compiler.locator('.tk-actions [data-event="start_compiling"]').count()).toBe(0);

    // 4. The Kinh tế drafter sees why, fixes the part and submits it again.
    await kt.goto('/viec-cua-toi');
    const ktItem = kt.locator('[data-testid="inbox-item"]').filter({ has: kt.locator(`a[href*="/bao-cao/${id}/phan/"]`) });
    await ktItem.first().waitFor();
    await ktItem.first().getByRole('link', { name: 'Cải cách tài chính công' }).click();
    await kt.waitForURL(/\/phan\//);
    await expect(kt.getByTestId('return-comment').textContent()).resolves.toContain(RETURN_COMMENT);
    await shot(kt, '25-phan-bi-tra-lai');
    await kt.locator('.toolbar [data-event="start_drafting"]').click();
    await kt.getByTestId('add-paragraph').waitFor();
    await kt.locator('section.editor textarea').nth(1).fill('- Giải ngân vốn đầu tư công đạt **62,5%** kế hoạch (**18.450** triệu đồng).');
    await kt.locator('[data-save-state="saved"]').waitFor({ timeout: 20_000 });
    await act(kt, kt.locator('.toolbar'), 'submit_section', { comment: 'Đã bổ sung số liệu giải ngân.' });
    await kt.locator('header [data-state="submitted"]').waitFor();
    await leave(kt);

    // 5. The compiler accepts it, compiles and sends the report for signature.
    await openReport(compiler, id);
    await act(compiler, sectionRow(compiler, 'II.5'), 'accept_section');
    await sectionRow(compiler, 'II.5').locator('[data-state="accepted"]').waitFor();
    await act(compiler, compiler.locator('.tk-actions'), 'start_compiling');
    await reportState(compiler, 'compiling').waitFor();
    await act(compiler, compiler.locator('.tk-actions'), 'send_for_signature', {});
    await reportState(compiler, 'awaiting_signature').waitFor();

    // 6. The Phó Chủ tịch in charge reads the PDF, returns the report once, then signs.
    const pct = await as(browser(), 'pct.vhxh');
    await openReport(pct, id);
    const draftPdf = squash(await downloadPdf(pct));
    expect(draftPdf).toContain(squash('Giải ngân vốn đầu tư công đạt 62,5% kế hoạch (18.450 triệu đồng).'));
    expect(draftPdf).toContain(squash('Tiếp nhận 2.143 hồ sơ, giải quyết đúng hạn đạt 99,81%.'));
    await shot(pct, '26-lanh-dao-xem-pdf');
    await act(pct, pct.locator('.tk-actions'), 'return_report', { comment: SIGN_RETURN_COMMENT });
    await reportState(pct, 'compiling').waitFor();

    await openReport(compiler, id);
    await act(compiler, compiler.locator('.tk-actions'), 'send_for_signature', {});
    await reportState(compiler, 'awaiting_signature').waitFor();
    await leave(compiler);

    await openReport(pct, id);
    await pct.locator('.tk-actions [data-event="sign"]').click();
    const signDialog = pct.getByRole('dialog');
    await signDialog.waitFor();
    const block = (await signDialog.textContent()) ?? '';
    for (const line of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']) expect(block).toContain(line);
    await shot(pct, '27-xac-nhan-ky');
    await signDialog.getByTestId('confirm-action').click();
    await reportState(pct, 'signed').waitFor();
    await leave(pct);

    // 7. The văn thư numbers and issues it, dispatches it and records the receipt.
    const clerk = await as(browser(), 'vanthu');
    await clerk.goto('/so-van-ban-di');
    await clerk.locator(`a[href="/bao-cao/${id}"]`).first().click();
    await clerk.waitForURL(new RegExp(`/bao-cao/${id}$`));
    await act(clerk, clerk.locator('.tk-actions'), 'issue', {});
    await reportState(clerk, 'issued').waitFor();
    const number = ((await clerk.getByTestId('report-number').textContent()) ?? '').trim().split(/\s/)[0];
    expect(number).toMatch(/^\d{2,}\/BC-UBND$/);
    await act(clerk, clerk.locator('.tk-actions'), 'dispatch', {});
    await reportState(clerk, 'submitted').waitFor();

    const board = async (state: string, screenshot: string): Promise<void> => {
      await clerk.goto('/theo-doi');
      const row = clerk.locator('tr').filter({ has: clerk.locator(`a[href="/bao-cao/${id}"]`) });
      await row.locator(`[data-state="${state}"]`).waitFor();
      await shot(clerk, screenshot);
    };
    await board('submitted', '28-theo-doi-da-gui');

    // The Sở Nội vụ receives it through the system: its văn thư records the receipt in its incoming register
    // (the commune's clerk no longer types it in), and the commune sees it live.
    await openReport(clerk, id);
    expect(await clerk.locator('.tk-actions [data-event="acknowledge"]').count()).toBe(0);
    const snv = await as(browser(), 'snv.vanthu');
    await snv.goto('/so-van-ban-den');
    const entry = snv.locator('[data-testid="incoming-entry"]').filter({ has: snv.locator(`a[href="/bao-cao/${id}"]`) });
    // Delivered by the outbox after the issued PDF is frozen (rendered and sealed): allow it the time a loaded machine needs.
    await entry.getByTestId('receive').click({ timeout: 120_000 });
    await snv
      .locator('[data-testid="incoming-entry"][data-status="received"]')
      .filter({ has: snv.locator(`a[href="/bao-cao/${id}"]`) })
      .waitFor();
    await clerk.getByTestId('delivery-label').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
    await reportState(clerk, 'acknowledged').waitFor();
    await board('acknowledged', '29-theo-doi-da-tiep-nhan');

    // The outgoing register lists the number.
    await clerk.goto('/so-van-ban-di');
    await clerk.getByRole('table', { name: 'Sổ văn bản đi' }).getByRole('link', { name: number }).waitFor();
    await shot(clerk, '30-so-van-ban-di');

    // 8. The audit chain verifies and tells the whole story, comments included.
    await openReport(clerk, id);
    await clerk.getByRole('tab', { name: 'Nhật ký' }).click();
    await expect(clerk.getByTestId('audit-verify').textContent()).resolves.toContain('toàn vẹn');
    const entries = clerk.locator('[data-testid="audit-entry"]');
    await entries.first().waitFor();
    const events = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    for (const e of [
      'open_collection',
      'return_section',
      'accept_section',
      'start_compiling',
      'return_report',
      'sign',
      'issue',
      'dispatch',
      'acknowledge',
    ])
      expect(events).toContain(e);
    await expect(clerk.locator('[data-testid="audit-entry"][data-event="return_report"]').first().textContent()).resolves.toContain(
      SIGN_RETURN_COMMENT,
    );
    await shot(clerk, '31-nhat-ky-day-du');

    // 9. The issued PDF carries the number and the derived signature block, and two PAdES signatures:
    // the leader's over the first revision, the agency's over the whole file — as the panel and
    // poppler's pdfsig (trusting only the demo root, in an NSS database) both say.
    expect(await waitForSignatures(clerk, id, 2)).toContain('Tất cả 2 chữ ký số hợp lệ');
    const panel = clerk.getByTestId('signatures-panel');
    await expect(panel.getByTestId('signature').count()).resolves.toBe(2);
    await expect(panel.textContent()).resolves.toContain('Một phiên bản trước của tệp');
    const issuedBytes = await downloadPdfBytes(clerk);
    const trustList = readFileSync(join(process.env['TK_E2E_DATA_DIR'] ?? '', 'pki', 'trust-list.pem'), 'utf8');
    expect(pdfsig(issuedBytes, nssTrusting(trustList)).map((s) => [s.validation, s.certificate, s.total])).toEqual([
      ['Signature is Valid.', 'Certificate is Trusted.', false],
      ['Signature is Valid.', 'Certificate is Trusted.', true],
    ]);
    const flipped = Buffer.from(issuedBytes);
    const leaderRevisionEnd = issuedBytes.lastIndexOf('%%EOF', issuedBytes.length - 10) + 5;
    flipped[leaderRevisionEnd + 60] ^= 0x01; // in the agency's update: its signature breaks, the leader's stands
    expect(pdfsig(flipped).map((s) => s.validation)).toEqual(['Signature is Valid.', expect.not.stringMatching(/is Valid/)]);
    const issued = squash(await pdfText(issuedBytes));
    expect(issued).toContain(squash(`Số: ${number}`));
    expect(issued).toContain(squash('KT. CHỦ TỊCH'));
    expect(issued).toContain(squash('PHÓ CHỦ TỊCH'));
    await shot(clerk, '32-pdf-da-ban-hanh');
  }, 900_000);
});
