import type { Page } from 'playwright-core';
import { apiAs, previewSha256As } from './support/api';
import { login, newPage, shot, suiteBrowser } from './support/browser';
import { e2eSkipped } from './support/env';
import { signAndIssueAsSo, soToAwaitingSignature } from './support/so-report';

const suite = e2eSkipped() ? describe.skip : describe;

const NUMBER = `${4000 + Math.floor(Math.random() * 5000)}/SNV-CCHC`;
/** The form proposes the current quarter; the year is set to 2098 so nothing else of the demo data shares the period. */
const PERIOD = `2098-Q${Math.floor(new Date().getMonth() / 3) + 1}`;
const REASON = 'Thiếu số liệu phụ lục; đề nghị bổ sung và gửi lại.';

/** Figures of part II.2 (thủ tục hành chính) each commune types: received = resolved + pending, resolved = on time + late. */
const FIGURES: Record<string, Record<string, string[]>> = {
  '': { '4': ['2.169'], '5': ['2.143'], '5.1': ['2.139'], '5.2': ['4'], '6': ['26'] },
  'tanphu.': { '4': ['575'], '5': ['575'], '5.1': ['395'], '5.2': ['180'], '6': ['0'] },
};

/**
 * A commune's report from wherever it stands to dispatched, through the API (prefix: '' An Bình, 'tanphu.' Tân Phú),
 * with its figures of part II.2 typed by the drafter.
 */
async function toDispatched(prefix: string, reportId: string): Promise<void> {
  const u = async (name: string) => apiAs(`${prefix}${name}`);
  const compiler = await u('vhxh.truong');
  let r = (await compiler('GET', `/api/reports/${reportId}`)) as {
    version: number;
    state: string;
    sections: { id: string; code: string; unit: { code: string } }[];
  };
  let v = r.version;
  const ev = async (call: Awaited<ReturnType<typeof u>>, type: string, extra: Record<string, unknown> = {}) => {
    v = ((await call('POST', `/api/reports/${reportId}/events`, { type, expectedVersion: v, ...extra })) as { version: number }).version;
  };
  if (r.state === 'draft') await ev(compiler, 'open_collection');
  const drafters: Record<string, string> = { VP: 'vp.cv', KT: 'kt.cv', VHXH: 'vhxh.cv', HCC: 'hcc.cv' };
  for (const s of r.sections) {
    const d = await u(drafters[s.unit.code]);
    await ev(d, 'start_drafting', { sectionId: s.id });
    if (s.code === 'II.2')
      await d('PUT', `/api/reports/${reportId}/sections/${s.id}/content`, {
        baseRevisionId: null,
        content: { blocks: [] },
        figures: { values: FIGURES[prefix] },
      });
    await ev(d, 'submit_section', { sectionId: s.id });
    await ev(compiler, 'accept_section', { sectionId: s.id });
  }
  await ev(compiler, 'start_compiling');
  await ev(compiler, 'send_for_signature');
  await ev(await u('pct.vhxh'), 'sign', { documentSha256: await previewSha256As(`${prefix}pct.vhxh`, reportId) });
  const clerk = await u('vanthu');
  await ev(clerk, 'issue');
  await ev(clerk, 'dispatch');
  r = (await compiler('GET', `/api/reports/${reportId}`)) as typeof r;
  expect(r.state).toBe('submitted');
}

/** A user done with the screens leaves: an open page re-renders on every live update and keeps its renderer. */
async function leave(page: Page): Promise<void> {
  await page.context().close();
}

/** From "Việc của tôi": the request's "Mở báo cáo" opens the report; returns its id. */
async function openFromTask(page: Page): Promise<string> {
  const task = page.locator('[data-testid="inbox-request"]').filter({ hasText: NUMBER });
  await task.getByTestId('open-from-request').click();
  await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() as string;
}

/** Issue 12 through the screens: request → reports → dispatch → incoming register → receipt / refusal → board totals. */
suite('The Sở requests reports, receives one and refuses another', () => {
  const browser = suiteBrowser();

  test('request to two communes, opened from the task, received and refused in the incoming register', async () => {
    // 1. The Sở's chuyên viên issues the request to An Bình and Tân Phú.
    const snv = await newPage(browser());
    await login(snv, 'snv.cv');
    await snv.goto('/yeu-cau-bao-cao');
    await snv.getByTestId('new-request').click();
    await snv.getByTestId('req-number').fill(NUMBER);
    await snv.getByTestId('req-year').fill('2098');
    await snv.getByTestId('req-deadline').fill('2099-02-20');
    for (const name of ['Ủy ban nhân dân xã An Bình', 'Ủy ban nhân dân xã Tân Phú'])
      await snv.locator('mat-checkbox').filter({ hasText: name }).locator('input').check();
    await shot(snv, '60-snv-ban-hanh-yeu-cau');
    await snv.getByTestId('issue-request').click();
    await snv.waitForURL(/\/yeu-cau-bao-cao\/[0-9a-f-]{36}$/);
    await snv.locator('[data-testid="request-target"]').nth(1).waitFor();
    expect(await snv.locator('[data-testid="request-target"]').count()).toBe(2);

    // 2. Each commune's compiler opens its report from the task; the basis cites the request.
    const ids: string[] = [];
    for (const user of ['vhxh.truong', 'tanphu.vhxh.truong']) {
      const page = await newPage(browser());
      await login(page, user);
      ids.push(await openFromTask(page));
      const detail = await (await apiAs(user))('GET', `/api/reports/${ids.at(-1)}`);
      expect(detail['basis']).toContain(`Thực hiện Văn bản số ${NUMBER}`);
      await leave(page);
    }
    const [anBinh, tanPhu] = ids;

    // 3. Both go through to dispatch (through the API: not the point here).
    await toDispatched('', anBinh);
    await toDispatched('tanphu.', tanPhu);

    // 3b. The aggregated annex of the two communes equals the sums, rates recomputed from them; each figure drills to its communes.
    const requestUrl = snv.url();
    await snv.reload();
    const total = (code: string) => snv.locator(`[data-testid="aggregate-row"][data-code="TTHC:${code}"]`);
    await snv.getByTestId('aggregate-included').filter({ hasText: '2/2 cơ quan' }).waitFor();
    for (const [code, sum] of [
      ['4', '2.744'],
      ['5', '2.718'],
      ['5.1', '2.534'],
      ['5.2', '184'],
      ['6', '26'],
      ['5.3', '93,23 %'],
    ]) {
      expect((await total(code).getByTestId('aggregate-total').textContent())?.trim()).toBe(sum);
      expect((await total(code).getByTestId('aggregate-reported').textContent())?.trim()).toBe('2');
    }
    await total('5').getByTestId('aggregate-total').locator('button').click();
    const sources = snv.getByTestId('aggregate-sources');
    expect((await sources.locator('li').allTextContents()).map((x) => x.trim())).toEqual([
      'Ủy ban nhân dân xã An Bình: 2.143',
      'Ủy ban nhân dân xã Tân Phú: 575',
    ]);
    await shot(snv, '63-snv-tong-hop-so-lieu');

    // 4. The Sở's văn thư receives An Bình's and refuses Tân Phú's with a reason.
    const clerk = await newPage(browser());
    await login(clerk, 'snv.vanthu');
    await clerk.goto('/so-van-ban-den');
    const row = (id: string) => clerk.locator('[data-testid="incoming-entry"]').filter({ has: clerk.locator(`a[href="/bao-cao/${id}"]`) });
    await row(anBinh).getByTestId('receive').click();
    await clerk
      .locator(`[data-testid="incoming-entry"][data-status="received"]`)
      .filter({ has: clerk.locator(`a[href="/bao-cao/${anBinh}"]`) })
      .waitFor();
    await row(tanPhu).getByTestId('refuse').click();
    const dialog = clerk.getByRole('dialog');
    await dialog.locator('textarea').fill(REASON);
    await dialog.getByTestId('confirm-action').click();
    await clerk
      .locator(`[data-testid="incoming-entry"][data-status="refused"]`)
      .filter({ has: clerk.locator(`a[href="/bao-cao/${tanPhu}"]`) })
      .waitFor();
    await shot(clerk, '61-so-van-ban-den');
    await leave(clerk);

    // 5. The communes see the answers: An Bình "Đã tiếp nhận"; Tân Phú refused with the reason, reopened as revision 2.
    const ab = await newPage(browser());
    await login(ab, 'vanthu');
    await ab.goto(`/bao-cao/${anBinh}`);
    await ab.getByTestId('delivery-label').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
    await leave(ab);
    const tp = await newPage(browser());
    await login(tp, 'tanphu.vhxh.truong');
    await tp.goto(`/bao-cao/${tanPhu}`);
    await tp.getByTestId('delivery-label').filter({ hasText: 'Bị từ chối' }).waitFor();
    expect(await tp.getByTestId('delivery-reason').textContent()).toContain(REASON);
    const reopened = await (await apiAs('tanphu.vhxh.truong'))('GET', `/api/reports/${tanPhu}`);
    expect(reopened).toMatchObject({ state: 'compiling', revision: 2 });
    await shot(tp, '62-xa-bi-tu-choi');
    await leave(tp);

    // 6. The board's totals (computed by the database) match: one received, one back to compiling, for this period.
    const totals = (await (
      await apiAs('snv.cv')
    )('GET', `/api/province/board/totals?period=${PERIOD}`)) as {
      total: number;
      byState: { state: string; count: number }[];
    };
    expect(totals.total).toBe(2);
    expect(Object.fromEntries(totals.byState.map((s) => [s.state, s.count]))).toEqual({ acknowledged: 1, compiling: 1 });

    // 7. The refused report no longer counts: the aggregate is An Bình's alone, Tân Phú listed as not sent.
    await snv.goto(requestUrl);
    await snv.getByTestId('aggregate-included').filter({ hasText: '1/2 cơ quan' }).waitFor();
    expect((await total('5').getByTestId('aggregate-total').textContent())?.trim()).toBe('2.143');
    expect(await snv.getByTestId('aggregate-not-included').textContent()).toContain('Ủy ban nhân dân xã Tân Phú');
    await leave(snv);

    // 8. The Sở's Phòng CCHC opens its compiled report from the request: the annex starts from the sums.
    const cchc = await newPage(browser());
    await login(cchc, 'snv.cchc');
    await cchc.goto(requestUrl);
    await cchc.getByTestId('compile').click();
    await cchc.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    const compiledId = cchc.url().split('/').pop() as string;
    await leave(cchc);
    const superior = await apiAs('snv.cchc');
    const compiled = (await superior('GET', `/api/reports/${compiledId}`)) as {
      sections: { id: string; code: string }[];
      organisation: { name: string };
    };
    expect(compiled.organisation.name).toBe('Sở Nội vụ tỉnh Đông Hòa');
    const part = compiled.sections.find((x) => x.code === 'II.2') as { id: string };
    const figures = (await superior('GET', `/api/reports/${compiledId}/sections/${part.id}`)) as {
      figures: { values: Record<string, string[]> };
    };
    expect(figures.figures.values['5']).toEqual(['2.143']);

    // 9. The Sở's compiled report goes through its own units (the API), then its Phó Giám đốc signs and its
    // văn thư numbers and dispatches it, on the screens: the Sở's block, the Sở's register and notation.
    const units = await soToAwaitingSignature(compiledId);
    expect(new Set(Object.values(units))).toEqual(new Set(['CCHC', 'VP', 'TCBC']));
    const { block, number } = await signAndIssueAsSo(browser(), compiledId);
    expect(block).toContain('KT. GIÁM ĐỐC');
    expect(block).toContain('PHÓ GIÁM ĐỐC');
    expect(block).toContain('Nguyễn Quốc Bảo');
    expect(block).not.toContain('TM.');
    expect(number).toMatch(/^\d{2,}\/BC-SNV$/);
    expect(await superior('GET', `/api/reports/${compiledId}`)).toMatchObject({
      state: 'submitted',
      number,
      recipients: ['Ủy ban nhân dân tỉnh Đông Hòa'],
      signature: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Quốc Bảo' },
    });
  }, 900_000);
});
