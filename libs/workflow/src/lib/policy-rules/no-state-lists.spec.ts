/**
 * Keeps the rulebook in one place: no file of apps/ (tests aside) writes its own list of workflow
 * states — an array or SQL list with two or more state names, or two comparisons with state names in
 * one expression. Such lists are how the copies drifted (the deadline sweep, the inbox, the web's
 * filters); use the facts in libs/workflow (`REPORT_STATES_WITH_DEADLINE`, `awaitsClerk`, …) instead.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPORT_STATES, SECTION_STATES } from './states';

const ROOT = join(__dirname, '../../../../..');
const STATES = new Set<string>([...REPORT_STATES, ...SECTION_STATES]);

/**
 * Files allowed to name several states, and why. Keep this short: a new entry needs a reason that
 * is not a rule (presentation only, say).
 */
const ALLOWED: Record<string, string> = {};

export interface StateListHit {
  line: number;
  text: string;
}

/**
 * Lists (`[...]`, `(...)`) of quoted identifiers with ≥ 2 state names, lines with ≥ 2 comparisons to state
 * names, and `switch` arms that name ≥ 2 states (`case 'signed': case 'issued':`, on one line or several).
 */
export function stateLists(source: string): StateListHit[] {
  const hits: StateListHit[] = [];
  const lineOf = (i: number) => source.slice(0, i).split('\n').length;
  const list = /[[(]\s*((?:'[a-z_]+'\s*,\s*)+'[a-z_]+')\s*,?\s*[\])]/g;
  for (let m = list.exec(source); m; m = list.exec(source)) {
    const names = [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]).filter((n) => STATES.has(n));
    if (new Set(names).size >= 2) hits.push({ line: lineOf(m.index), text: m[0] });
  }
  source.split('\n').forEach((text, i) => {
    const compared = [...text.matchAll(/[!=]==?\s*'([a-z_]+)'/g)].map((x) => x[1]).filter((n) => STATES.has(n));
    if (new Set(compared).size >= 2) hits.push({ line: i + 1, text: text.trim() });
  });
  const arms = /(?:case\s+'[a-z_]+'\s*:\s*(?:\/\/[^\n]*\s*)?)+/g;
  for (let m = arms.exec(source); m; m = arms.exec(source)) {
    const names = [...m[0].matchAll(/case\s+'([a-z_]+)'/g)].map((x) => x[1]).filter((n) => STATES.has(n));
    if (new Set(names).size >= 2) hits.push({ line: lineOf(m.index), text: m[0].replace(/\s+/g, ' ').trim() });
  }
  return hits;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'testing' || name === 'migrations') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|html)$/.test(name) && !/\.(spec|e2e|test)\.ts$/.test(name)) out.push(p);
  }
  return out;
}

describe('no lists of workflow states outside libs/workflow', () => {
  it('the detector sees an array, a SQL list and a comparison chain, and not a single name', () => {
    expect(stateLists(`const OPEN = ['draft', 'collecting'];`)).toHaveLength(1);
    expect(stateLists(`WHERE state IN ('signed','issued')`)).toHaveLength(1);
    expect(stateLists(`if (s.state === 'drafting' || s.state === 'returned') {}`)).toHaveLength(1);
    expect(stateLists(`switch (s) {\n  case 'signed':\n  case 'issued':\n    return 'done';\n}`)).toHaveLength(1);
    expect(stateLists(`switch (s) { case 'signed': return 1; case 'issued': return 2; }`)).toEqual([]);
    expect(stateLists(`if (report.state !== 'collecting') {}\nconst x = ['a', 'b'];\nconst y = ['draft', 'draft'];`)).toEqual([]);
  });

  it('apps/ has none', () => {
    const found: string[] = [];
    for (const file of sources(join(ROOT, 'apps'))) {
      const rel = relative(ROOT, file);
      if (ALLOWED[rel]) continue;
      for (const h of stateLists(readFileSync(file, 'utf8'))) found.push(`${rel}:${h.line}: ${h.text}`);
    }
    expect(found).toEqual([]);
  });
});
