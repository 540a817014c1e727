/**
 * Raw text of a .docx as mammoth reads it (paragraphs end "\n\n", tabs kept), with each real
 * footnote's reference replaced by a private-use sentinel character, and the notes' texts.
 * mammoth's own `extractRawText` drops footnotes; `convertToHtml` exposes the document tree (with
 * its notes) to `transformDocument`, which is all we use it for.
 */
import { mammoth } from '../lazy-modules';

/** Sentinel of footnote number `n` (1-based, in reading order): U+E000 + n, in the Private Use Area. */
export const NOTE_BASE = 0xe000;
export const SENTINELS = /[\ue001-\uf8ff]/gu;

interface Element {
  type: string;
  value?: string;
  children?: Element[];
  noteType?: string;
  noteId?: string;
  body?: Element[];
}

interface Notes {
  resolve(ref: Element): Element | null;
}

export interface DocxRaw {
  text: string;
  /** Note texts by sentinel number (1-based). */
  notes: string[];
}

function plain(el: Element): string {
  if (el.type === 'text') return el.value ?? '';
  if (el.type === 'tab') return '\t';
  return (el.children ?? []).map(plain).join('') + (el.type === 'paragraph' ? '\n' : '');
}

export async function readDocxRaw(buffer: Buffer): Promise<DocxRaw> {
  const notes: string[] = [];
  let text = '';
  const walk = (el: Element, resolve: Notes): string => {
    if (el.type === 'noteReference' && el.noteType === 'footnote') {
      const note = resolve.resolve(el);
      notes.push((note?.body ?? []).map(plain).join(' ').replace(/\s+/g, ' ').trim());
      return String.fromCharCode(NOTE_BASE + notes.length);
    }
    if (el.type === 'text') return el.value ?? '';
    if (el.type === 'tab') return '\t';
    const inner = (el.children ?? []).map((c) => walk(c, resolve)).join('');
    // A reference that ends a paragraph goes before its closing punctuation, so the paragraph still
    // ends the way the plain-text parser expects ("thực hiện\uE001.").
    return el.type === 'paragraph' ? inner.replace(/([.;:,!?)”"]+)([\ue001-\uf8ff]+)$/u, '$2$1') + '\n\n' : inner;
  };
  await mammoth().convertToHtml(
    { buffer },
    {
      transformDocument: (doc: Element & { notes: Notes }) => {
        text = walk(doc, doc.notes);
        return { ...doc, children: [] };
      },
    },
  );
  return { text, notes };
}
