import type { FigureRule, Finding } from '@trinhky/domain';
import { checkStatement, type TextFigure } from './mini';
import type { ReadLine } from './narrative';
import { lineAt, type NumToken } from './text-numbers';

const N = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)`;
const HS = String.raw`(?:hồ sơ|hs)(?:\s+(?:thủ tục hành chính|TTHC))?`;
const PATTERNS: { kind: 'received' | 'resolved' | 'pending' | 'carried'; re: RegExp }[] = [
  { kind: 'received', re: new RegExp(String.raw`${HS}\s+(?:đã\s+|được\s+)?tiếp nhận(?:\s+là)?\s*:?\s*${N}(?!\s*\/)`, 'giu') },
  { kind: 'received', re: new RegExp(String.raw`đã tiếp nhận\s+${N}\s*(?:hồ sơ|hs)`, 'giu') },
  { kind: 'resolved', re: new RegExp(String.raw`${HS}\s+(?:đã\s+)?giải quyết(?:\s+là)?\s*:\s*${N}(?!\s*\/)`, 'giu') },
  { kind: 'resolved', re: new RegExp(String.raw`(?<!chưa |đang )đã giải quyết\s+${N}\s*(?:hồ sơ|hs)(?!\s*\/)`, 'giu') },
  {
    kind: 'pending',
    re: new RegExp(String.raw`(?:đang|chưa)\s+giải quyết(?:\s*\(?\s*(?:trong hạn|quá hạn)\s*\)?)?(?:\s+là)?\s*:?\s*${N}(?!\s*\/)`, 'giu'),
  },
  { kind: 'carried', re: new RegExp(String.raw`${N}\s*(?:hồ sơ|hs)\s*(?:của\s+)?(?:kỳ trước chuyển (?:qua|sang)|tồn kỳ trước)`, 'giu') },
];

interface Stmt {
  kind: 'received' | 'resolved' | 'pending' | 'carried';
  line: number;
  at: number;
  fig: TextFigure;
  qualified: boolean;
}

const LABEL: Record<Stmt['kind'], string> = {
  received: 'tổng tiếp nhận',
  resolved: 'đã giải quyết',
  pending: 'đang giải quyết',
  carried: 'kỳ trước chuyển qua',
};
const HEADING = /^(?:\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s)/u;

/** Every pattern above names "tiếp nhận", "giải quyết" or "kỳ trước": other lines are not read. */
const ANY_FLOW_WORD = /tiếp nhận|giải quyết|kỳ trước/iu;

function statements(lines: ReadLine[]): Stmt[] {
  const out: Stmt[] = [];
  lines.forEach((r, idx) => {
    if (!ANY_FLOW_WORD.test(r.l.text)) return;
    for (const p of PATTERNS) {
      for (const m of r.l.text.matchAll(p.re)) {
        const numAt = (m.index as number) + m[0].lastIndexOf(m[1]);
        const tok: NumToken | undefined = r.tokens.find((t) => t.start === numAt);
        if (!tok || tok.percent || tok.decimals) continue;
        out.push({
          kind: p.kind,
          line: idx,
          at: numAt,
          fig: { label: LABEL[p.kind], tok, line: lineAt(r.l, numAt) },
          qualified: /trong hạn|quá hạn/iu.test(m[0]),
        });
      }
    }
  });
  return out.sort((a, b) => a.line - b.line || a.at - b.at);
}

/**
 * received (+ carried over) = resolved + pending, within one passage: from a "tiếp nhận" total to the
 * next one, at most eight logical lines, never across a numbered heading.
 */
export function flowFindings(lines: ReadLine[]): Finding[] {
  const all = statements(lines);
  const out: Finding[] = [];
  all.forEach((s, i) => {
    if (s.kind !== 'received') return;
    const win: Stmt[] = [];
    for (const t of all.slice(i + 1)) {
      if (t.kind === 'received' || t.line - s.line > 8) break;
      if (t.line > s.line && lines.slice(s.line + 1, t.line + 1).some((r) => HEADING.test(r.l.text))) break;
      win.push(t);
    }
    const resolved = win.find((t) => t.kind === 'resolved');
    if (!resolved) return;
    const afterResolved = win
      .filter((t) => t.at !== resolved.at || t.line !== resolved.line)
      .filter((t) => t.line > resolved.line || (t.line === resolved.line && t.at > resolved.at));
    const nextResolved = afterResolved.find((t) => t.kind === 'resolved');
    const pend = afterResolved.filter(
      (t) =>
        t.kind === 'pending' && (!nextResolved || t.line < nextResolved.line || (t.line === nextResolved.line && t.at < nextResolved.at)),
    );
    const plain = pend.filter((p) => !p.qualified);
    const pending = plain.length ? plain.slice(0, 1) : pend;
    const carried = win.find((t) => t.kind === 'carried' && (t.line < resolved.line || (t.line === resolved.line && t.at < resolved.at)));
    const figs: Record<string, TextFigure> = { rec: s.fig, res: resolved.fig };
    pending.forEach((p, k) => (figs[`pen${k}`] = p.fig));
    if (carried) figs['car'] = carried.fig;
    // Carried-over files listed inside the received total's "trong đó" are already counted in it.
    const included =
      carried && carried.line === s.line && /trong đó/iu.test(lines[s.line].l.text.slice(s.at, carried.at)) ? true : undefined;
    const rule: FigureRule = {
      type: 'flow',
      received: 'rec',
      resolved: 'res',
      pending: pending.map((_, k) => `pen${k}`),
      carried: carried ? 'car' : undefined,
      carriedIncluded: included,
    };
    out.push(...checkStatement(figs, rule));
  });
  return out;
}
