import type { Block, Run, SectionContent, TableCell } from './document-model';
import { TEXT_PROBLEM_VI, textProblem } from './input-text';

/** A validation problem, with a path into the value and a message in Vietnamese. */
export interface ValidationIssue {
  path: string;
  message: string;
}

const MAX_TEXT = 20_000;
const MAX_BLOCKS = 5_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys each kind of object may carry; anything else is refused (never stored, hashed or rendered). */
const KEYS = {
  content: ['blocks'],
  run: ['text', 'bold', 'italic', 'footnote'],
  cell: ['text', 'bold', 'italic', 'colSpan', 'rowSpan', 'align'],
  paragraph: ['type', 'runs'],
  bullet: ['type', 'marker', 'runs'],
  heading: ['type', 'level', 'label', 'runs', 'children'],
  table: ['type', 'header', 'rows', 'widths', 'fontSize', 'legend'],
} as const;

/** Unknown keys (an undefined value counts as absent). */
function checkKeys(o: Record<string, unknown>, allowed: readonly string[], path: string, issues: ValidationIssue[]): void {
  for (const k of Object.keys(o)) {
    if (o[k] !== undefined && !allowed.includes(k))
      issues.push({ path: path ? `${path}.${k}` : k, message: `trường không được hỗ trợ (chỉ có: ${allowed.join(', ')})` });
  }
}

/** Text that cannot be stored as it is (NUL, a lone surrogate). */
function checkText(s: string, path: string, issues: ValidationIssue[]): void {
  const p = textProblem(s);
  if (p) issues.push({ path, message: `chứa ký tự không hợp lệ (${TEXT_PROBLEM_VI[p]})` });
}

const isPositiveInt = (v: unknown, max: number): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;

function checkRuns(v: unknown, path: string, issues: ValidationIssue[]): void {
  if (!Array.isArray(v)) {
    issues.push({ path, message: 'phải là danh sách đoạn chữ (runs)' });
    return;
  }
  v.forEach((r: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(r) || typeof r['text'] !== 'string') issues.push({ path: p, message: 'thiếu nội dung chữ (text)' });
    else if ((r['text'] as string).length > MAX_TEXT) issues.push({ path: p, message: `đoạn chữ dài quá ${MAX_TEXT} ký tự` });
    else {
      checkKeys(r, KEYS.run, p, issues);
      checkText(r['text'] as string, `${p}.text`, issues);
      for (const k of ['bold', 'italic'] as const)
        if (r[k] !== undefined && typeof r[k] !== 'boolean') issues.push({ path: `${p}.${k}`, message: 'phải là true/false' });
      if (r['footnote'] !== undefined && typeof r['footnote'] !== 'string')
        issues.push({ path: `${p}.footnote`, message: 'chú thích phải là chữ' });
      else if (typeof r['footnote'] === 'string') {
        if (r['footnote'].length > MAX_TEXT) issues.push({ path: `${p}.footnote`, message: `chú thích dài quá ${MAX_TEXT} ký tự` });
        checkText(r['footnote'], `${p}.footnote`, issues);
      }
    }
  });
}

function checkCells(v: unknown, path: string, issues: ValidationIssue[]): void {
  if (!Array.isArray(v)) {
    issues.push({ path, message: 'phải là danh sách hàng của bảng' });
    return;
  }
  v.forEach((row: unknown, i) => {
    if (!Array.isArray(row)) issues.push({ path: `${path}[${i}]`, message: 'mỗi hàng phải là danh sách ô' });
    else
      row.forEach((c: unknown, j) => {
        const p = `${path}[${i}][${j}]`;
        if (!isObject(c) || typeof c['text'] !== 'string') {
          issues.push({ path: p, message: 'ô bảng thiếu nội dung chữ (text)' });
          return;
        }
        checkKeys(c, KEYS.cell, p, issues);
        if (c['text'].length > MAX_TEXT) issues.push({ path: `${p}.text`, message: `ô bảng dài quá ${MAX_TEXT} ký tự` });
        checkText(c['text'], `${p}.text`, issues);
        for (const k of ['bold', 'italic'] as const)
          if (c[k] !== undefined && typeof c[k] !== 'boolean') issues.push({ path: `${p}.${k}`, message: 'phải là true/false' });
        for (const k of ['colSpan', 'rowSpan'] as const)
          if (c[k] !== undefined && !isPositiveInt(c[k], 100))
            issues.push({ path: `${p}.${k}`, message: 'phải là số nguyên từ 1 đến 100' });
        if (c['align'] !== undefined && !['left', 'center', 'right'].includes(c['align'] as string))
          issues.push({ path: `${p}.align`, message: 'căn lề phải là left, center hoặc right' });
      });
  });
}

function checkBlocks(v: unknown, path: string, issues: ValidationIssue[], depth: number, count: { n: number }): void {
  if (!Array.isArray(v)) {
    issues.push({ path, message: 'phải là danh sách khối nội dung' });
    return;
  }
  if (depth > 8) {
    issues.push({ path, message: 'mục lồng nhau quá sâu (tối đa 8 cấp)' });
    return;
  }
  v.forEach((b: unknown, i) => {
    const p = `${path}[${i}]`;
    count.n++;
    if (!isObject(b)) {
      issues.push({ path: p, message: 'khối nội dung không hợp lệ' });
      return;
    }
    const type = b['type'];
    if (type === 'paragraph' || type === 'bullet' || type === 'heading' || type === 'table') checkKeys(b, KEYS[type], p, issues);
    switch (type) {
      case 'paragraph':
        checkRuns(b['runs'], `${p}.runs`, issues);
        break;
      case 'bullet':
        if (b['marker'] !== '-' && b['marker'] !== '+') issues.push({ path: `${p}.marker`, message: 'gạch đầu dòng phải là "-" hoặc "+"' });
        checkRuns(b['runs'], `${p}.runs`, issues);
        break;
      case 'heading':
        if (!['part', 'section', 'item', 'subitem', 'point'].includes(String(b['level'])))
          issues.push({ path: `${p}.level`, message: 'cấp đề mục không hợp lệ' });
        if (typeof b['label'] !== 'string') issues.push({ path: `${p}.label`, message: 'thiếu số thứ tự đề mục (label)' });
        else if (b['label'].length > 200) issues.push({ path: `${p}.label`, message: 'số thứ tự đề mục dài quá 200 ký tự' });
        else checkText(b['label'], `${p}.label`, issues);
        checkRuns(b['runs'], `${p}.runs`, issues);
        checkBlocks(b['children'], `${p}.children`, issues, depth + 1, count);
        break;
      case 'table':
        checkCells(b['header'], `${p}.header`, issues);
        checkCells(b['rows'], `${p}.rows`, issues);
        if (
          b['widths'] !== undefined &&
          (!Array.isArray(b['widths']) || b['widths'].some((w) => typeof w !== 'number' || !Number.isFinite(w) || w <= 0 || w > 1000))
        )
          issues.push({ path: `${p}.widths`, message: 'độ rộng cột phải là danh sách số dương' });
        if (b['fontSize'] !== undefined && !(typeof b['fontSize'] === 'number' && b['fontSize'] >= 6 && b['fontSize'] <= 30))
          issues.push({ path: `${p}.fontSize`, message: 'cỡ chữ phải từ 6 đến 30' });
        if (
          b['legend'] !== undefined &&
          (!Array.isArray(b['legend']) || b['legend'].some((l) => typeof l !== 'string' || l.length > MAX_TEXT || textProblem(l)))
        )
          issues.push({ path: `${p}.legend`, message: 'chú giải phải là danh sách dòng chữ' });
        break;
      default:
        issues.push({ path: `${p}.type`, message: 'loại khối phải là paragraph, bullet, heading hoặc table' });
    }
  });
}

/** Validates untrusted section content (from the API or an import). Returns the issues; empty when valid. */
export function validateSectionContent(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isObject(value)) return [{ path: '', message: 'nội dung phải là một đối tượng có "blocks"' }];
  checkKeys(value, KEYS.content, '', issues);
  const count = { n: 0 };
  checkBlocks(value['blocks'], 'blocks', issues, 0, count);
  if (count.n > MAX_BLOCKS) issues.push({ path: 'blocks', message: `quá nhiều khối nội dung (tối đa ${MAX_BLOCKS})` });
  return issues;
}

/** Narrowing helper for callers that validated first. */
export function asSectionContent(value: unknown): SectionContent {
  const issues = validateSectionContent(value);
  if (issues.length) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return value as SectionContent;
}

export type { Block, Run, TableCell };
