/** The Sở's own (compiled) report through its lifecycle: its units through the API, its leader and văn thư on the screens. */
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs, type ApiCall } from './api';
import { login, newPage, shot } from './browser';

/** Who drafts and who first accepts the parts of each of the demo Sở's units (POLICY_SO_PGD). */
const DRAFTER: Record<string, string> = { VP: 'snv.vp.cv', CCHC: 'snv.cchc.cv', TCBC: 'snv.tcbc.cv' };
const HEAD: Record<string, string> = { VP: 'snv.vp.truong', CCHC: 'snv.cchc', TCBC: 'snv.tcbc.truong' };

/**
 * From draft to awaiting signature, each step by the Sở's own people: the Phòng CCHC hands out the parts,
 * each unit's drafter submits, its head accepts, the Phòng CCHC accepts, compiles and presents. Returns
 * the units the parts went to (part code → unit code).
 */
export async function soToAwaitingSignature(reportId: string): Promise<Record<string, string>> {
  const users = new Map<string, ApiCall>();
  const as = async (u: string): Promise<ApiCall> => users.get(u) ?? (users.set(u, await apiAs(u)), users.get(u) as ApiCall);
  const compiler = await as('snv.cchc');
  const r = (await compiler('GET', `/api/reports/${reportId}`)) as {
    version: number;
    sections: { id: string; code: string; unit: { code: string } }[];
  };
  let v = r.version;
  const ev = async (who: string, type: string, extra: Record<string, unknown> = {}) => {
    v = ((await (await as(who))('POST', `/api/reports/${reportId}/events`, { type, expectedVersion: v, ...extra })) as { version: number })
      .version;
  };
  await ev('snv.cchc', 'open_collection');
  for (const s of r.sections) {
    await ev(DRAFTER[s.unit.code], 'start_drafting', { sectionId: s.id });
    await ev(DRAFTER[s.unit.code], 'submit_section', { sectionId: s.id });
    await ev(HEAD[s.unit.code], 'head_accept_section', { sectionId: s.id });
    await ev('snv.cchc', 'accept_section', { sectionId: s.id });
  }
  await ev('snv.cchc', 'start_compiling');
  await ev('snv.cchc', 'send_for_signature');
  return Object.fromEntries(r.sections.map((s) => [s.code, s.unit.code]));
}

const state = (page: Page, s: string): Locator => page.locator(`[data-testid="report-state"] [data-state="${s}"]`);

/** Clicks an action; `confirm` answers the confirmation dialog the action opens (issue, dispatch). */
async function act(page: Page, event: string, confirm = false): Promise<void> {
  await page.locator(`.tk-actions [data-event="${event}"]`).first().click();
  if (!confirm) return;
  const d = page.getByRole('dialog');
  await d.waitFor();
  await d.getByTestId('confirm-action').click();
  await d.waitFor({ state: 'detached' });
}

/**
 * On the screens: the Phó Giám đốc in charge signs ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", no "TM." line), the
 * Sở's văn thư numbers it from the Sở's outgoing register (…/BC-SNV) and dispatches it. Returns the
 * dialog's signature block and the number.
 */
export async function signAndIssueAsSo(browser: Browser, reportId: string): Promise<{ block: string; number: string }> {
  const pgd = await newPage(browser);
  await login(pgd, 'snv.pgd');
  await pgd.goto(`/bao-cao/${reportId}`);
  await state(pgd, 'awaiting_signature').waitFor();
  await act(pgd, 'sign');
  const dialog = pgd.getByRole('dialog');
  await dialog.waitFor();
  const block = (await dialog.textContent()) ?? '';
  await shot(pgd, '64-so-pho-giam-doc-ky');
  await dialog.getByTestId('confirm-action').click();
  await state(pgd, 'signed').waitFor();
  await pgd.context().close(); // done: an open page re-renders on every live update

  const clerk = await newPage(browser);
  await login(clerk, 'snv.vanthu');
  await clerk.goto('/so-van-ban-di');
  await clerk.locator(`a[href="/bao-cao/${reportId}"]`).first().click();
  await clerk.waitForURL(new RegExp(`/bao-cao/${reportId}$`));
  await act(clerk, 'issue', true);
  await state(clerk, 'issued').waitFor();
  const number = ((await clerk.getByTestId('report-number').textContent()) ?? '').trim().split(/\s/)[0];
  await act(clerk, 'dispatch', true);
  await state(clerk, 'submitted').waitFor();
  await shot(clerk, '65-so-ban-hanh-gui-di');
  return { block, number };
}
