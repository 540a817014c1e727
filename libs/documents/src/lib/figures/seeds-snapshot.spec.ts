import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedFile } from '../../testing/seeds';
import { importPlainText } from '../import/import-text';
import { checkReportJson, checkReportText } from './check-report';

/**
 * The checker's complete output on every seed — as written, as a stored report.json, and on
 * deterministic perturbations of each seed (figures changed, so that every rule has something to
 * say) — pinned as data. A change that only makes the checker faster must leave all of it equal.
 * The data was produced by the checker before its optimisation (check14); to regenerate after an
 * intended change of findings, run with FIGURES_SNAPSHOT_WRITE=1, then `npx prettier --write` the data file, and review the diff line by line.
 */
const DATA = path.join(__dirname, 'seeds-snapshot.data.json');
const SEEDS = ['000', '001', '003'];
const VARIANTS = 12;

/** A small deterministic PRNG (mulberry32), so the perturbations are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed with some of its figures changed: ±1…±9, a digit dropped, or a percentage shifted. */
export function perturb(text: string, seed: number): string {
  const rnd = prng(seed);
  const spots = [...text.matchAll(/\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?/gu)];
  const picks = new Set<number>();
  const n = Math.round(Math.max(8, spots.length / 30) * (0.5 + rnd()));
  while (picks.size < Math.min(n, spots.length)) picks.add(Math.floor(rnd() * spots.length));
  let out = '';
  let at = 0;
  for (const [i, m] of spots.entries()) {
    if (!picks.has(i)) continue;
    const raw = m[0];
    const start = m.index as number;
    const r = rnd();
    let repl: string;
    if (r < 0.15 && raw.length > 1) repl = raw.slice(0, -1);
    else if (raw.includes(',')) repl = raw.replace(/\d$/u, (d) => String((Number(d) + 3) % 10));
    else {
      const v = Number(raw.replace(/\./g, ''));
      const delta = (1 + Math.floor(rnd() * 9)) * (rnd() < 0.5 ? -1 : 1);
      repl = String(Math.max(0, v + delta)).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
    }
    out += text.slice(at, start) + repl;
    at = start + raw.length;
  }
  return out + text.slice(at);
}

function outputOf(text: string, withAnnexes: boolean, json = false) {
  const r = json ? checkReportJson(text) : checkReportText(text);
  return {
    findings: r.findings,
    statements: r.statements,
    checked: r.checked,
    annexes: (withAnnexes ? r.annexes : []).map((a) => ({
      label: a.label,
      line: a.line,
      periods: a.periods,
      rows: a.rows.map((x) => [x.code, x.name, x.line, x.cells.map((c) => [c.raw, c.line]), x.options ?? null, !!x.part]),
    })),
  };
}

function current(): Record<string, ReturnType<typeof outputOf>> {
  const out: Record<string, ReturnType<typeof outputOf>> = {};
  for (const s of SEEDS) {
    const text = fs.readFileSync(seedFile(s), 'utf8');
    out[s] = outputOf(text, true);
    // As `cli import --out report.json` writes it: findings on the lines of the JSON file.
    out[`${s}/report.json`] = outputOf(JSON.stringify(importPlainText(text), null, 2), true, true);
    for (let v = 1; v <= VARIANTS; v++) out[`${s}/perturbed-${v}`] = outputOf(perturb(text, Number(s) * 1000 + v), false);
  }
  return JSON.parse(JSON.stringify(out));
}

/** One finding, statement or annex row per line, so that a change reads as a short diff. */
function serialise(data: Record<string, Record<string, unknown>>): string {
  const cases = Object.entries(data).map(([key, v]) => {
    const fields = Object.entries(v).map(([f, x]) =>
      Array.isArray(x)
        ? `  ${JSON.stringify(f)}: [${x.map((e) => `\n   ${JSON.stringify(e)}`).join(',')}${x.length ? '\n  ' : ''}]`
        : `  ${JSON.stringify(f)}: ${JSON.stringify(x)}`,
    );
    return ` ${JSON.stringify(key)}: {\n${fields.join(',\n')}\n }`;
  });
  return `{\n${cases.join(',\n')}\n}\n`;
}

describe('the checker on the seeds and their perturbations, pinned', () => {
  const now = current();
  if (process.env['FIGURES_SNAPSHOT_WRITE'] === '1') fs.writeFileSync(DATA, serialise(now));
  const pinned = JSON.parse(fs.readFileSync(DATA, 'utf8')) as typeof now;

  it('covers every case, and the perturbations give the rules something to say', () => {
    expect(Object.keys(now).sort()).toEqual(Object.keys(pinned).sort());
    const perturbed = Object.entries(now).filter(([k]) => k.includes('perturbed'));
    const rules = new Set(perturbed.flatMap(([, v]) => v.findings.map((f) => f.rule)));
    expect(rules.size).toBeGreaterThanOrEqual(6);
  });

  it.each(Object.keys(pinned))('%s: the same findings, statements and annex rows', (key) => {
    expect(now[key].findings).toEqual(pinned[key].findings);
    expect(now[key].statements).toEqual(pinned[key].statements);
    expect(now[key].checked).toEqual(pinned[key].checked);
    expect(now[key].annexes).toEqual(pinned[key].annexes);
  });
});
