import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, SCREENSHOTS, baseUrl } from './env';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** `bypassCSP` only for suites that inject test tooling (axe) into the page; the CSP itself is proven by csp.e2e.ts. */
export async function newPage(
  browser: Browser,
  viewport = { width: 1366, height: 768 },
  opts: { bypassCSP?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    acceptDownloads: true,
    locale: 'vi-VN',
    baseURL: baseUrl(),
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Logs in through the form (inputs named username and password) and waits for "Việc của tôi". */
export async function login(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/dang-nhap');
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL('**/viec-cua-toi');
  await page.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The bearer token the app keeps in sessionStorage. */
export async function tokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('tk.token'));
  if (!token) throw new Error('No token in sessionStorage after login.');
  return token;
}

/**
 * Chromium for one suite: launched before its tests; after each test `onTestEnd` (if given) sees the
 * pages it left open — e.g. to screenshot where it stopped — and then they are closed; closed at the end.
 */
export function suiteBrowser(onTestEnd?: (browser: Browser) => Promise<void>): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    if (!browser) return;
    if (onTestEnd) await onTestEnd(browser);
    await Promise.all(browser.contexts().map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium was not launched (beforeAll failed).');
    return browser;
  };
}
