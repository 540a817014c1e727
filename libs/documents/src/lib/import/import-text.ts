import type { Block, ReportDocument, Run } from '@trinhky/domain';
import { parseAnnexes } from './annex';
import { parseBack } from './back';
import { attachFootnotes } from './footnotes';
import { inferIssuer, parseFront } from './front';
import { ANNEX_RE, joinWrapped, stripFootnotesAndPageNumbers, toSourceLines } from './lines';
import { mapToTemplate } from './mapping';
import { buildTree, bulletOf, parseLabel, walkBlocks, type BlockOrigin } from './tree';
import type { ImportResult, ImportStats, LogicalLine, SourceNote, SrcLine } from './types';

const TITLE_RE = /^(BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO)$/u;
const RECIPIENT_RE = /^Kính\s+gửi\s*:?\s*(.*)$/iu;
const OPENING_START_RE = /^(Thực hiện|Căn cứ|Theo|Triển khai|Để|Nhằm|Qua|Trong)\b/u;
const CLOSING_RE = /^Trên đây\b/u;
const DISTRIBUTION_RE = /^Nơi nhận\s*:?$/iu;

/** A wrapped line that starts with "b)" after "… theo điểm" or "… ," continues the sentence. */
const MID_SENTENCE_END = /(?:[,(]|(?:^|\s)(?:điểm|khoản|tiết|mục))$/iu;

function isLogicalStart(t: string, prevLast: string | null = null): boolean {
  const label = parseLabel(t);
  if (label?.level === 'point' && prevLast && MID_SENTENCE_END.test(prevLast)) return false;
  return !!label || !!bulletOf(t) || RECIPIENT_RE.test(t) || CLOSING_RE.test(t) || DISTRIBUTION_RE.test(t) || /^\(\s*Đính kèm/u.test(t);
}

function countStats(blocks: Block[], stats: ImportStats): void {
  walkBlocks(blocks, 'x', (b) => {
    if (b.type === 'heading') {
      if (b.level === 'part') stats.parts++;
      else if (b.level === 'section') stats.sections++;
      else if (b.level === 'item') stats.items++;
      else if (b.level === 'subitem') stats.subitems++;
      else stats.points++;
    } else if (b.type === 'paragraph') stats.paragraphs++;
    else if (b.type === 'bullet') stats.bullets++;
    else {
      stats.tables++;
      stats.tableRows += b.rows.length;
    }
  });
}

/** Imports a report from extracted plain text (Word/PDF copy), coping with extraction damage. */
export function importPlainText(text: string): ImportResult {
  const src = toSourceLines(text);
  const unplaced: SourceNote[] = [];
  const stats: ImportStats = {
    sourceLines: src.length,
    logicalLines: 0,
    parts: 0,
    sections: 0,
    items: 0,
    subitems: 0,
    points: 0,
    paragraphs: 0,
    bullets: 0,
    tables: 0,
    tableRows: 0,
    footnotes: 0,
    footnotesAttached: 0,
    annexes: 0,
    pageNumbersRemoved: 0,
    inferred: [],
  };

  // Zones: front matter | title + subject | main text | Nơi nhận + signature | annexes.
  const distAt = src.findIndex((l) => DISTRIBUTION_RE.test(l.text));
  const annexAt = src.findIndex((l, i) => i > Math.max(distAt, 0) && ANNEX_RE.test(l.raw));
  const mainEnd = distAt >= 0 ? distAt : annexAt >= 0 ? annexAt : src.length;
  const titleAt = src.findIndex((l, i) => i < mainEnd && TITLE_RE.test(l.text));
  const front = parseFront(src.slice(0, Math.max(titleAt, 0)));
  for (const l of src.slice(0, Math.max(titleAt, 0)))
    if (l.text && !front.used.has(l.no))
      unplaced.push({ line: l.no, text: l.text, reason: 'trước tiêu đề, không phải trường tiêu đề (before the title)' });

  const { body: mainLines, footnotes, removed } = stripFootnotesAndPageNumbers(src.slice(titleAt + 1, mainEnd));
  stats.footnotes = footnotes.length;
  stats.pageNumbersRemoved = removed.length;

  // Subject lines: physical lines after the title, until Kính gửi / opening / the first heading.
  const subject: string[] = [];
  let i = 0;
  for (; i < mainLines.length; i++) {
    const t = mainLines[i].text;
    if (!t) continue;
    if (RECIPIENT_RE.test(t) || OPENING_START_RE.test(t) || parseLabel(t) || subject.length >= 4) break;
    subject.push(t);
  }
  const recipients: string[] = [];
  const rest: SrcLine[] = mainLines.slice(i);
  const firstIdx = rest.findIndex((l) => l.text);
  if (firstIdx >= 0 && RECIPIENT_RE.test(rest[firstIdx].text)) {
    const m = RECIPIENT_RE.exec(rest[firstIdx].text);
    if (m && m[1]) recipients.push(m[1].replace(/[;.]$/, ''));
    let j = firstIdx + 1;
    while (j < rest.length && (!rest[j].text || /^[-–]\s*\S/.test(rest[j].text)) && !OPENING_START_RE.test(rest[j].text)) {
      if (rest[j].text) recipients.push(rest[j].text.replace(/^[-–]\s*/, '').replace(/[;.]$/, ''));
      j++;
    }
    rest.splice(0, j);
  }

  const logical: LogicalLine[] = joinWrapped(rest, isLogicalStart, (t) => !!parseLabel(t));
  stats.logicalLines = logical.length;
  let closing = '';
  const closingIdx = logical.findIndex((l) => CLOSING_RE.test(l.text));
  let bodyLines = logical;
  if (closingIdx >= 0) {
    closing = logical[closingIdx].text;
    for (const l of logical.slice(closingIdx + 1))
      unplaced.push({ line: l.no, text: l.text, reason: 'sau câu kết, trước Nơi nhận (after the closing sentence)' });
    bodyLines = logical.slice(0, closingIdx);
  }
  const firstHeading = bodyLines.findIndex((l) => parseLabel(l.text));
  const openingLines = firstHeading >= 0 ? bodyLines.slice(0, firstHeading) : [];
  const origins = new Map<Block, BlockOrigin>();
  const opening = buildTree(openingLines, origins);
  const body = buildTree(firstHeading >= 0 ? bodyLines.slice(firstHeading) : bodyLines, origins);

  const back =
    distAt >= 0 ? parseBack(src.slice(distAt, annexAt >= 0 ? annexAt : src.length)) : { distribution: [], signature: null, unplaced: [] };
  unplaced.push(...back.unplaced);
  const annexes = annexAt >= 0 ? parseAnnexes(src.slice(annexAt)) : [];
  stats.annexes = annexes.length;

  // Footnotes: markers glued to words, numbers or abbreviations on the note's page; otherwise the
  // note goes to the end of the block nearest before its original position, and is reported.
  const all = [...opening, ...body];
  const lineOf = (holder: { runs: Run[] }, offset: number): number | undefined => {
    const o = origins.get(holder as Block);
    if (!o) return undefined;
    const pos = o.offset + offset;
    const spans = o.line.spans ?? [{ no: o.line.no, at: 0 }];
    let no = spans[0].no;
    for (const s of spans) if (s.at <= pos) no = s.no;
    return no;
  };
  const fb = (note: { line: number }) => {
    let target: { runs: Run[] } | null = null;
    walkBlocks(all, 'x', (b) => {
      if (b.type !== 'table' && (origins.get(b)?.line.no ?? 0) < note.line) target = b;
    });
    return target;
  };
  const fn = attachFootnotes(all, footnotes, fb, { lineOf });
  stats.footnotesAttached = fn.attached;
  for (const n of fn.unattached) {
    unplaced.push({
      line: n.line,
      text: `${n.number} ${n.text}`,
      reason:
        'chú thích không tìm thấy dấu, gắn vào cuối đoạn trước (footnote marker not found; attached to the end of the preceding block)',
    });
  }

  const fullText = src.map((l) => l.text).join(' ');
  const issuerGuess = inferIssuer(closing + ' ' + fullText);
  const issuerName = front.issuerName ?? issuerGuess?.name ?? '';
  if (!front.issuerName && issuerGuess) stats.inferred.push('issuer.name');
  const place = front.place ?? issuerGuess?.place ?? '';
  if (!front.place && issuerGuess) stats.inferred.push('place');

  const document: ReportDocument = {
    issuer: { parent: front.issuerParent ?? 'ỦY BAN NHÂN DÂN', name: issuerName },
    numberSuffix: front.numberSuffix ?? 'BC-UBND',
    number: front.number,
    place,
    date: front.date,
    kind: titleAt >= 0 ? src[titleAt].text : 'BÁO CÁO',
    subject,
    recipients,
    opening,
    body,
    closing,
    distribution: back.distribution,
    signature: back.signature,
    annexes,
  };
  countStats([...opening, ...body], stats);
  for (const a of annexes)
    for (const b of a.blocks)
      if (b.type === 'table') {
        stats.tables++;
        stats.tableRows += b.rows.length;
      }
  return { document, unplaced, removed, mapping: mapToTemplate(opening, body), stats };
}
