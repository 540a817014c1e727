import type { Block, Run, SectionContent, TableCell } from './document-model';

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
      for (const k of ['bold', 'italic'] as const)
        if (r[k] !== undefined && typeof r[k] !== 'boolean') issues.push({ path: `${p}.${k}`, message: 'phải là true/false' });
      if (r['footnote'] !== undefined && typeof r['footnote'] !== 'string')
        issues.push({ path: `${p}.footnote`, message: 'chú thích phải là chữ' });
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
        if (!isObject(c) || typeof c['text'] !== 'string')
          issues.push({ path: `${path}[${i}][${j}]`, message: 'ô bảng thiếu nội dung chữ (text)' });
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
    switch (b['type']) {
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
        checkRuns(b['runs'], `${p}.runs`, issues);
        checkBlocks(b['children'], `${p}.children`, issues, depth + 1, count);
        break;
      case 'table':
        checkCells(b['header'], `${p}.header`, issues);
        checkCells(b['rows'], `${p}.rows`, issues);
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
