import { foldVietnamese, type Block, type ReportDocument } from '@trinhky/domain';
import { reportDocumentText } from '../figures/document-text';
import { numberLine } from '../render/header';
import { inOrderCoverage, words } from '../text/words';

/** Every footnote text of a document, in reading order. */
export function documentFootnotes(doc: ReportDocument): string[] {
  const out: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'table') continue;
      for (const r of b.runs) if (r.footnote) out.push(r.footnote);
      if (b.type === 'heading') walk(b.children);
    }
  };
  walk(doc.opening);
  walk(doc.body);
  for (const a of doc.annexes) walk(a.blocks);
  return out;
}

/** All words a reader sees, in reading order: header, title, body, closing, Nơi nhận, signature, annexes. */
export function documentWords(doc: ReportDocument): string[] {
  const head = [doc.issuer.parent, doc.issuer.name, numberLine(doc), doc.place, ...doc.recipients];
  const sig = doc.signature ? [...doc.signature.lines, doc.signature.name] : [];
  return words([...head, reportDocumentText(doc), ...sig].join('\n'), foldVietnamese);
}

export interface WordRetention {
  /** Share of the source's words found in the target in the same order (0..1). */
  ratio: number;
  found: number;
  total: number;
  /** Share of the source's footnote words found in the target's footnotes, in order (1 when none). */
  footnotes: number;
  /** Source words absent from the target altogether. */
  missing: string[];
}

/** How much of `source`'s text survives in `target` (e.g. after export to .docx and import back). */
export function wordRetention(source: ReportDocument, target: ReportDocument): WordRetention {
  const main = inOrderCoverage(documentWords(source), documentWords(target));
  const notesSrc = words(documentFootnotes(source).join('\n'), foldVietnamese);
  const notes = inOrderCoverage(notesSrc, words(documentFootnotes(target).join('\n'), foldVietnamese));
  return {
    ratio: main.total ? main.found / main.total : 1,
    found: main.found,
    total: main.total,
    footnotes: notes.total ? notes.found / notes.total : 1,
    missing: main.missing,
  };
}
