import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { login, newPage, shot, suiteBrowser } from './support/browser';
import { DEMO_REPORT_ROW, e2eSkipped } from './support/env';

/**
 * WCAG 2.1 A/AA basics on every screen, checked by axe-core inside Chromium (labels, names, contrast,
 * landmarks, ARIA), at the desktop size the issue names (1366×768) and at a tablet width (768×1024),
 * where nothing may force the page to scroll sideways; and the login works with the keyboard alone.
 */
const suite = e2eSkipped() ? describe.skip : describe;
const AXE = createRequire(__filename).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function audit(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

function describeViolations(vs: Violation[]): string {
  return vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    )
    .join('\n');
}

const SCREENS: { name: string; user: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'viec-cua-toi', user: 'vhxh.truong', open: async (p) => void (await p.getByRole('heading', { name: 'Việc của tôi' }).waitFor()) },
  {
    name: 'bao-cao',
    user: 'vhxh.truong',
    open: async (p) => {
      await p.goto('/bao-cao');
      await p.locator(DEMO_REPORT_ROW).first().waitFor();
    },
  },
  {
    name: 'tao-moi',
    user: 'vhxh.truong',
    open: async (p) => {
      await p.goto('/bao-cao/tao-moi');
      await p.getByRole('heading', { name: 'Mở báo cáo mới từ mẫu' }).waitFor();
    },
  },
  {
    name: 'nhap-bao-cao',
    user: 'vhxh.truong',
    open: async (p) => {
      await p.goto('/bao-cao/nhap');
      await p.getByRole('heading', { name: 'Nhập báo cáo có sẵn' }).waitFor();
    },
  },
  {
    name: 'bao-cao-chi-tiet',
    user: 'vhxh.truong',
    open: async (p) => {
      await p.goto('/bao-cao');
      await p.locator(`${DEMO_REPORT_ROW} a`).first().click();
      await p.locator('[data-testid="section-row"]').first().waitFor();
    },
  },
  {
    name: 'soan-phan',
    user: 'kt.cv',
    open: async (p) => {
      await p.goto('/bao-cao');
      await p.locator(`${DEMO_REPORT_ROW} a`).first().click();
      await p.locator('tr[data-section-code="II.5"] a').first().click();
      await p.waitForURL(/\/phan\//);
      await p.locator('h1').first().waitFor();
    },
  },
  {
    name: 'so-van-ban-di',
    user: 'vanthu',
    open: async (p) => {
      await p.goto('/so-van-ban-di');
      await p.getByRole('table', { name: 'Sổ văn bản đi' }).waitFor();
    },
  },
  {
    name: 'theo-doi',
    user: 'chutich',
    open: async (p) => {
      await p.goto('/theo-doi');
      await p.getByRole('table', { name: 'Bảng theo dõi báo cáo' }).waitFor();
    },
  },
  {
    name: 'quan-tri',
    user: 'admin',
    open: async (p) => {
      await p.goto('/quan-tri');
      await p.locator('h1').first().waitFor();
    },
  },
];

suite('Accessibility and layout', () => {
  const browser = suiteBrowser();

  test('the login works with the keyboard alone and passes the checks', async () => {
    const page = await newPage(browser(), undefined, { bypassCSP: true });
    await page.goto('/dang-nhap');
    await page.locator('input[name="username"]').waitFor();
    expect(await audit(page)).toEqual([]);
    // Focus order: user name, password, submit.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.getAttribute('name'))) !== 'username'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.type('vanthu');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/viec-cua-toi');
  });

  test('the check itself catches an unlabelled field, a nameless button and faint text', async () => {
    const page = await newPage(browser(), undefined, { bypassCSP: true });
    await page.goto('/dang-nhap');
    await page.locator('input[name="username"]').waitFor();
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<input type="text"><button type="button"></button><p style="color:#ccc;background:#fff">Chữ quá nhạt</p>';
      document.body.appendChild(box);
    });
    const ids = (await audit(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'button-name', 'color-contrast']));
  });

  // One login per user (the next screens of the same user are opened by URL on the same page, a fresh
  // load each), both sizes on the same page (the window resized, the screen opened again).
  test('every screen at 1366×768 and 768×1024: no WCAG A/AA violation, no sideways scrolling', async () => {
    const viewports = [
      { width: 1366, height: 768 },
      { width: 768, height: 1024 },
    ];
    const problems: string[] = [];
    let page: Page | undefined;
    for (const [i, s] of SCREENS.entries()) {
      if (!page || SCREENS[i - 1]?.user !== s.user) {
        await page?.context().close();
        page = await newPage(browser(), viewports[0], { bypassCSP: true });
        await login(page, s.user);
      }
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        await s.open(page);
        const at = `${s.name} at ${viewport.width}×${viewport.height}`;
        const violations = await audit(page);
        if (violations.length) problems.push(`${at}:\n${describeViolations(violations)}`);
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) problems.push(`${at}: the page is ${overflow}px wider than the ${viewport.width}px window`);
        if (viewport.width < 1000) await shot(page, `40-may-tinh-bang-${s.name}`);
      }
    }
    await page?.context().close();
    expect(problems.join('\n\n')).toBe('');
  }, 300_000); // nine screens, two sizes each
});
