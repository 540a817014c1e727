/**
 * Untrusted input, made safe before anything hashes or stores it: strings NFC-normalised, NUL bytes
 * and lone UTF-16 surrogates refused (PostgreSQL refuses NUL; the driver turns a lone surrogate into
 * U+FFFD, so a hash computed before storing would no longer match), nesting and size bounded.
 * Plain functions, no framework: the API runs them on every request, the web may reuse them.
 */

/** Why a string is refused. */
export type TextProblem = 'nul' | 'surrogate';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first reason `s` cannot be stored as text, or null when it can. */
export function textProblem(s: string): TextProblem | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

export const TEXT_PROBLEM_VI: Record<TextProblem, string> = {
  nul: 'ký tự NUL',
  surrogate: 'ký tự Unicode lỗi (nửa cặp UTF-16)',
};

export interface InputLimits {
  /** Deepest nesting of objects and arrays (the value itself is depth 0). */
  maxDepth: number;
  /** Most objects, arrays and scalars in the whole value. */
  maxNodes: number;
  /** Longest string (in UTF-16 code units); per-field limits are the handlers' business. */
  maxString: number;
  /** Longest object key. */
  maxKey: number;
}

/** Room for the deepest legitimate body (8 heading levels of section content ≈ 25) and an 8 MB import. */
export const DEFAULT_INPUT_LIMITS: InputLimits = { maxDepth: 48, maxNodes: 200_000, maxString: 8 * 1024 * 1024, maxKey: 200 };

/** A refused input: the path of the offending value (`content.blocks[3].runs[0].text`) and the message. */
export interface InputIssue {
  path: string;
  message: string;
}

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number'
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? parent
        ? `${parent}.${key}`
        : key
      : `${parent}[${JSON.stringify(key)}]`;

const field = (path: string, root: string): string => path || root;

/**
 * Walks `value` (parsed JSON, a query object or a string) iteratively, with an explicit depth bound,
 * NFC-normalising every string and key in place. Returns the first issue, or null when the value is
 * fine (and now normalised). Never recurses, so no input can overflow the stack.
 * `root` names the value itself in messages ("nội dung gửi lên").
 */
export function normaliseInput(holder: { value: unknown }, root: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): InputIssue | null {
  const checkString = (s: string, path: string): InputIssue | string => {
    if (s.length > limits.maxString) return { path, message: `Trường ${field(path, root)} dài quá giới hạn.` };
    const p = textProblem(s);
    if (p) return { path, message: `Trường ${field(path, root)} chứa ký tự không hợp lệ (${TEXT_PROBLEM_VI[p]}).` };
    return s.normalize('NFC');
  };
  if (typeof holder.value === 'string') {
    const r = checkString(holder.value, '');
    if (typeof r !== 'string') return r;
    holder.value = r;
    return null;
  }
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: holder.value, path: '', depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { node, path, depth } = stack.pop() as { node: unknown; path: string; depth: number };
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limits.maxDepth)
      return { path, message: `Trường ${field(path, root)} lồng nhau quá sâu (tối đa ${limits.maxDepth} cấp).` };
    nodes += Array.isArray(node) ? node.length : Object.keys(node).length;
    if (nodes > limits.maxNodes) return { path: '', message: `Nội dung gửi lên có quá nhiều phần tử (tối đa ${limits.maxNodes}).` };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') {
          const r = checkString(v, pathOf(path, i));
          if (typeof r !== 'string') return r;
          node[i] = r;
        } else if (v !== null && typeof v === 'object') stack.push({ node: v, path: pathOf(path, i), depth: depth + 1 });
      }
      continue;
    }
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const keyPath = pathOf(path, key);
      if (key.length > limits.maxKey) return { path, message: `Trường ${field(path, root)} có tên khóa dài quá ${limits.maxKey} ký tự.` };
      const kp = textProblem(key);
      if (kp) return { path, message: `Trường ${field(path, root)} có tên khóa chứa ký tự không hợp lệ (${TEXT_PROBLEM_VI[kp]}).` };
      let v = obj[key];
      if (typeof v === 'string') {
        const r = checkString(v, keyPath);
        if (typeof r !== 'string') return r;
        v = r;
      }
      const nfcKey = key.normalize('NFC');
      if (nfcKey !== key) {
        delete obj[key];
        if (nfcKey in obj) return { path, message: `Trường ${field(path, root)} có hai khóa trùng nhau (${nfcKey}).` };
      }
      obj[nfcKey] = v;
      if (v !== null && typeof v === 'object') stack.push({ node: v, path: pathOf(path, nfcKey), depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The deepest nesting of a JSON text, found without parsing it (strings skipped), stopping as soon as
 * `max` is exceeded: lets a server refuse a deeply nested body before `JSON.parse` builds it.
 */
export function jsonNestingExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A real calendar date written yyyy-mm-dd (years 0001–9999, leap years as the Gregorian calendar has them). */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}
