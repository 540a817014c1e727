#!/usr/bin/env node
/**
 * Initial JavaScript (and CSS) the browser downloads before the first screen, gzipped: the files the
 * built index.html loads (main, its modulepreloads, styles), each gzipped at level 9 as a server would.
 * Builds the web app first when dist/apps/web is missing. Rerun: `npm run bench:web`.
 * Ends with one line: initial_js_gz_kb=… initial_js_raw_kb=… css_gz_kb=… lazy_chunks=… ; exits 1 when
 * the initial JS passes the budget (350 KB gzipped).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/apps/web/browser');
const BUDGET_KB = 350;

if (!existsSync(join(DIST, 'index.html'))) {
  spawnSync('npx', ['nx', 'build', 'web', '--outputStyle=static'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
}
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const js = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
const css = [...new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1]))];
const size = (f) => {
  const bytes = readFileSync(join(DIST, f));
  return { f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1);
const jsSizes = js.map(size);
const cssSizes = css.map(size);
for (const s of [...jsSizes, ...cssSizes])
  console.log(`${s.f.padEnd(28)} raw ${kb(s.raw).padStart(7)} KB  gzip ${kb(s.gz).padStart(6)} KB`);
const sum = (xs, k) => xs.reduce((a, s) => a + s[k], 0);
const allJs = readdirSync(DIST).filter((f) => f.endsWith('.js'));
const lazy = allJs.filter((f) => !js.includes(f));
const lazyGz = sum(lazy.map(size), 'gz');
console.log(`lazy chunks: ${lazy.length}, ${kb(lazyGz)} KB gzipped in all (loaded per route)`);
const jsGz = sum(jsSizes, 'gz');
console.log(
  `initial_js_gz_kb=${kb(jsGz)} initial_js_raw_kb=${kb(sum(jsSizes, 'raw'))} css_gz_kb=${kb(sum(cssSizes, 'gz'))} lazy_chunks=${lazy.length}`,
);
if (jsGz / 1024 > BUDGET_KB) {
  console.error(`Initial JS is over the ${BUDGET_KB} KB gzipped budget.`);
  process.exit(1);
}
