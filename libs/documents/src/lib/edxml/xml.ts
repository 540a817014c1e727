/**
 * A small XML writer (elements, attributes, text; every value escaped) and a reader over
 * @xmldom/xmldom (already installed with mammoth) that refuses malformed input instead of guessing.
 */
import { DOMParser } from '@xmldom/xmldom';

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** Text that cannot be XML (control characters other than tab/newline/return) is refused by the writer. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u;

export function escapeXml(value: string): string {
  if (INVALID.test(value)) throw new Error('Ký tự không hợp lệ trong XML.');
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  /** Text content, or child elements. */
  children?: (XmlNode | null | undefined)[] | string;
}

export const el = (name: string, children?: XmlNode['children'], attrs?: Record<string, string>): XmlNode => ({ name, children, attrs });

export function writeXml(node: XmlNode): string {
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const c = node.children;
  if (c === undefined || c === '' || (Array.isArray(c) && !c.some(Boolean))) return `<${node.name}${attrs}/>`;
  const inner =
    typeof c === 'string'
      ? escapeXml(c)
      : c
          .filter((x): x is XmlNode => !!x)
          .map(writeXml)
          .join('');
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

export class EdxmlError extends Error {}

/** Parses XML; any well-formedness error is an EdxmlError with the parser's reason. */
export function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) },
  }).parseFromString(text, 'application/xml');
  if (errors.length || !doc.documentElement) throw new EdxmlError(`Tệp edXML không đúng cú pháp XML: ${errors[0] ?? 'trống'}`);
  return doc as unknown as Document;
}

/** Child elements of `parent` named `local` (in the edXML namespace or none, any prefix). */
export function children(parent: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if ((e.localName ?? e.nodeName.replace(/^.*:/, '')) === local && (!e.namespaceURI || e.namespaceURI === EDXML_NS)) out.push(e);
  }
  return out;
}

export function child(parent: Element, local: string): Element | null {
  return children(parent, local)[0] ?? null;
}

/** The element at a path of local names, or an EdxmlError naming what is missing. */
export function required(parent: Element, ...path: string[]): Element {
  let e = parent;
  for (const p of path) {
    const next = child(e, p);
    if (!next) throw new EdxmlError(`Thiếu phần tử ${path.join('/')} trong tệp edXML.`);
    e = next;
  }
  return e;
}

export const textOf = (e: Element | null): string => (e?.textContent ?? '').trim();
export const textAt = (parent: Element, ...path: string[]): string => textOf(required(parent, ...path));
export const optionalText = (parent: Element, ...path: string[]): string => {
  let e: Element | null = parent;
  for (const p of path) e = e ? child(e, p) : null;
  return textOf(e);
};
