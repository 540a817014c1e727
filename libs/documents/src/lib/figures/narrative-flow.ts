import type { FigureRule, Finding } from '@trinhky/domain';
import { checkStatement, type TextFigure } from './mini';
import type { ReadLine } from './narrative';
import { clauseEnd, findLast, isRate, lineAt, type NumToken } from './text-numbers';

const N = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)`;
const HS = String.raw`(?:hồ sơ|hs)(?:\s+(?:thủ tục hành chính|TTHC))?`;
const UNIT = String.raw`\s*(?:hồ sơ|hs)`;
/** "trong kỳ (báo cáo)", "trong quý III", "trong tháng 9", "trong năm 2025": the period a figure counts. */
const IN_PERIOD = String.raw`(?:\s+trong\s+(?:kỳ(?:\s+báo cáo)?|quý(?:\s+[IVX]+)?|tháng(?:\s+\d{1,2})?|năm(?:\s+\d{4})?))?`;
const IS = String.raw`(?:\s+(?:là|được))?\s*:?\s*`;
const NOT_SLASH = String.raw`(?!\s*\/)`;
type Kind = 'received' | 'resolved' | 'pending' | 'carried' | 'ontime' | 'withdrawn';
const re = (s: string) => new RegExp(s, 'giu');
const PATTERNS: { kind: Kind; re: RegExp }[] = [
  // "Tổng số hồ sơ (đã) tiếp nhận (mới) (trong kỳ): N", "đã tiếp nhận N hồ sơ", "tiếp nhận mới: N hồ sơ"
  { kind: 'received', re: re(String.raw`${HS}\s+(?:đã\s+|được\s+)?tiếp nhận(?:\s+mới)?${IN_PERIOD}${IS}${N}${NOT_SLASH}`) },
  { kind: 'received', re: re(String.raw`(?<!chưa |đang )tiếp nhận(?:\s+mới)?${IN_PERIOD}${IS}${N}${UNIT}${NOT_SLASH}`) },
  // "Tổng số hồ sơ đã giải quyết (xong) (trong kỳ): N", "đã giải quyết (xong) N hồ sơ", "giải quyết xong: N hồ sơ"
  {
    kind: 'resolved',
    re: re(String.raw`${HS}\s+(?:đã\s+)?(?:được\s+)?giải quyết(?:\s+xong)?${IN_PERIOD}(?:\s+là)?\s*:\s*${N}${NOT_SLASH}`),
  },
  {
    kind: 'resolved',
    re: re(String.raw`(?<!chưa |đang )(?:đã giải quyết(?:\s+xong)?|giải quyết xong)${IN_PERIOD}${IS}${N}${UNIT}${NOT_SLASH}`),
  },
  // "đang / chưa giải quyết (trong hạn): N", "N hồ sơ đang giải quyết", "còn tồn N hồ sơ", "tồn chuyển kỳ sau: N"
  {
    kind: 'pending',
    re: re(String.raw`(?:đang|chưa)\s+giải quyết(?:\s*\(?\s*(?:trong hạn|quá hạn)\s*\)?)?(?:\s+là)?\s*:?\s*${N}${NOT_SLASH}`),
  },
  { kind: 'pending', re: re(String.raw`${N}${UNIT}\s+(?:đang|chưa)\s+giải quyết`) },
  {
    kind: 'pending',
    re: re(String.raw`(?:còn\s+)?tồn(?:\s+(?:lại|đọng|chưa giải quyết|chuyển(?:\s+sang)?\s+kỳ sau))?${IS}${N}(?:${UNIT})?${NOT_SLASH}`),
  },
  { kind: 'pending', re: re(String.raw`chuyển(?:\s+sang)?\s+kỳ sau${IS}${N}`) },
  // Files that left without a result: "trả lại 5 hồ sơ", "rút hồ sơ: 3", "3 hồ sơ bị từ chối"
  {
    kind: 'withdrawn',
    re: re(
      String.raw`(?:trả lại|rút(?:\s+hồ sơ)?|hủy|huỷ|từ chối(?:\s+giải quyết)?|dừng (?:giải quyết|xử lý))${IS}${N}(?:${UNIT})?${NOT_SLASH}`,
    ),
  },
  { kind: 'withdrawn', re: re(String.raw`${N}${UNIT}\s+(?:bị\s+|được\s+)?(?:trả lại|rút|hủy|huỷ|từ chối|dừng)`) },
  // "N hồ sơ kỳ trước chuyển qua", "tồn kỳ trước: N", "kỳ trước chuyển sang: N hồ sơ"
  { kind: 'carried', re: re(String.raw`${N}${UNIT}\s*(?:của\s+)?(?:kỳ trước chuyển (?:qua|sang)|tồn (?:từ\s+)?kỳ trước)`) },
  { kind: 'carried', re: re(String.raw`(?:kỳ trước chuyển (?:qua|sang)|tồn (?:từ\s+)?kỳ trước(?:\s+chuyển (?:qua|sang))?)${IS}${N}`) },
  // "… giải quyết trước hạn và đúng hạn: N hồ sơ, đạt tỷ lệ R%", "đúng hạn N hồ sơ (R%)"
  {
    kind: 'ontime',
    re: re(
      String.raw`(?:trước hạn(?:\s*(?:,|và)\s*đúng hạn)?|đúng(?:\s+hạn)?\s+và\s+trước hạn|đúng hạn(?:\s*(?:,|và)\s*trước hạn)?)${IS}${N}(?:${UNIT})?${NOT_SLASH}`,
    ),
  },
];

interface Stmt {
  kind: Kind;
  line: number;
  at: number;
  fig: TextFigure;
  qualified: boolean;
}

const LABEL: Record<Kind, string> = {
  received: 'tổng tiếp nhận',
  resolved: 'đã giải quyết',
  pending: 'đang giải quyết',
  carried: 'kỳ trước chuyển qua',
  ontime: 'giải quyết trước hạn, đúng hạn',
  withdrawn: 'trả lại, rút, từ chối',
};
const HEADING = /^(?:\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s)/u;

/** Every pattern above names one of these words: other lines are not read. */
const ANY_FLOW_WORD = /tiếp nhận|giải quyết|kỳ trước|kỳ sau|tồn|hạn|trả lại|rút|hủy|huỷ|từ chối|dừng/iu;

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
  out.sort((a, b) => a.line - b.line || a.at - b.at);
  // One statement per figure (the first pattern that reads it).
  return out.filter((x, k) => k === 0 || x.line !== out[k - 1].line || x.at !== out[k - 1].at);
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
    // Returned, withdrawn or refused files leave the flow without a result: they count with the pending ones.
    const gone = afterResolved.filter((t) => t.kind === 'withdrawn' && (!nextResolved || before(t, nextResolved)));
    const pending = [...(plain.length ? plain.slice(0, 1) : pend), ...gone];
    // Carried over: between the received total and the resolved figure, or just before the received
    // total ("Kỳ trước chuyển sang: 10 hồ sơ; tiếp nhận mới: 120 hồ sơ; …").
    const prior = findLast(all.slice(0, i), (t) => t.kind !== 'ontime');
    const carried =
      win.find((t) => t.kind === 'carried' && (t.line < resolved.line || (t.line === resolved.line && t.at < resolved.at))) ??
      (prior?.kind === 'carried' && s.line - prior.line <= 1 && !HEADING.test(lines[s.line].l.text.slice(0, s.at)) ? prior : undefined);
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
    const ontime = afterResolved.filter((t) => t.kind === 'ontime' && (!nextResolved || before(t, nextResolved)));
    for (const o of ontime) out.push(...onTimeRate(lines[o.line], o, resolved, s));
  });
  return out;
}

const before = (a: Stmt, b: Stmt) => a.line < b.line || (a.line === b.line && a.at < b.at);

/**
 * "… giải quyết trước hạn và đúng hạn: 2.139 hồ sơ, đạt tỷ lệ 99,81%": the files resolved on time
 * over the files resolved (some reports divide by the files received: either agrees).
 */
function onTimeRate(r: ReadLine, o: Stmt, resolved: Stmt, received: Stmt): Finding[] {
  const text = r.l.text;
  const end = clauseEnd(text, o.fig.tok.end, 60);
  const rate = r.tokens.find((t) => isRate(t) && t.start > o.fig.tok.end && t.start < end);
  if (!rate || resolved.fig.tok.value === 0) return [];
  const figs = (total: Stmt) => ({ r: { label: 'tỷ lệ', tok: rate, line: lineAt(r.l, rate.start) }, p: o.fig, t: total.fig });
  const rule: FigureRule = { type: 'rate', rate: 'r', part: 'p', total: 't' };
  const found = checkStatement(figs(resolved), rule);
  if (!found.length || found.some((f) => f.rule !== 'rate') || received.fig.tok.value === 0) return found;
  return checkStatement(figs(received), rule).length ? found : [];
}
