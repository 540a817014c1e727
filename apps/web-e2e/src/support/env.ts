import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const WORKSPACE = resolve(__dirname, '../../../..');
export const API_MAIN = resolve(WORKSPACE, 'dist/apps/api/main.js');
export const WEB_INDEX = resolve(WORKSPACE, 'dist/apps/web/browser/index.html');
export const SCREENSHOTS = resolve(WORKSPACE, 'test-output/e2e');
export const MISSING_CHROMIUM = `Chromium not found at ${CHROMIUM}; install with apt-get install -y chromium`;

export function chromiumMissing(): boolean {
  return !existsSync(CHROMIUM);
}

/** Set by the global setup when the browser tests cannot run here (and E2E_REQUIRED is not 1). */
export function e2eSkipped(): boolean {
  return process.env['TK_E2E_SKIP'] === '1';
}

export function baseUrl(): string {
  const url = process.env['TK_E2E_BASE_URL'];
  if (!url) throw new Error('TK_E2E_BASE_URL is not set: the global setup did not start the app.');
  return url;
}

/** The period of the demo report the seed opens: the current quarter in Vietnam (as the seed computes it). */
export function demoPeriodKey(now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
  return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The demo report's row in the "Báo cáo" list (other suites create reports of other periods). */
export const DEMO_REPORT_ROW = `[data-testid="report-row"][data-period="${demoPeriodKey()}"]`;
