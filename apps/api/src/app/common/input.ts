import { DEFAULT_INPUT_LIMITS, jsonNestingExceeds, normaliseInput, textProblem, TEXT_PROBLEM_VI, type InputIssue } from '@trinhky/domain';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** A 5 MB Word file arrives base64-encoded in JSON (imports): room for that. */
const JSON_LIMIT = '8mb';
const TEXT_LIMIT = '5mb';
/** A filled figures sheet (.xlsx) arrives raw: 2 MB is far above any real part sheet. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_LIMIT = '2mb';

class InputRefused extends Error {
  readonly status = 400;
  readonly type = 'input.refused';
}

const refuse = (res: Response, message: string): void => {
  res.status(400).json({ statusCode: 400, message });
};

/** Path segments: decoded as the router will decode them, refused when they hold NUL or do not decode. */
function pathIssue(path: string): string | null {
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'Đường dẫn có ký tự mã hóa sai (không phải UTF-8 hợp lệ).';
    }
    const p = textProblem(decoded);
    if (p) return `Đường dẫn chứa ký tự không hợp lệ (${TEXT_PROBLEM_VI[p]}).`;
  }
  return null;
}

/**
 * Runs on every request right after the body parsers: the path, the query string and the body are
 * checked and NFC-normalised in place (see `normaliseInput`), so every handler — and every hash — sees
 * exactly the text that will be stored. A refusal is a 400 naming the field, before any handler ran.
 */
export const normaliseRequest: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  const bad = pathIssue(req.path);
  if (bad) return refuse(res, bad);
  // Express 5 re-parses `req.query` on every read: pin the checked, normalised copy on the request.
  const query = { value: req.query as unknown };
  const repeated = Object.entries(query.value as Record<string, unknown>).find(([, v]) => Array.isArray(v));
  if (repeated) return refuse(res, `Tham số ${repeated[0]} chỉ được có một giá trị.`);
  const qIssue: InputIssue | null = normaliseInput(query, 'tham số truy vấn', { ...DEFAULT_INPUT_LIMITS, maxDepth: 2, maxString: 4000 });
  if (qIssue) return refuse(res, qIssue.message.replace(/^Trường /, 'Tham số '));
  Object.defineProperty(req, 'query', { value: query.value, writable: true, configurable: true, enumerable: true });
  if (req.body !== undefined && !Buffer.isBuffer(req.body)) {
    const body = { value: req.body as unknown };
    const issue = normaliseInput(body, typeof body.value === 'string' ? 'nội dung văn bản' : 'nội dung gửi lên');
    if (issue) return refuse(res, issue.message);
    req.body = body.value;
  }
  next();
};

/** Malformed or oversized bodies: a 400/413 in words, not an HTML page or a 500. */
const bodyErrors: ErrorRequestHandler = (err: Error & { status?: number; type?: string }, _req, res, next) => {
  if (!err) return next();
  const refused = err instanceof InputRefused || err.type === 'input.refused';
  const status = !refused && err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
  const message =
    err.type === 'entity.too.large'
      ? 'Nội dung gửi lên quá lớn.'
      : refused
        ? err.message
        : 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ).';
  res.status(status).json({ statusCode: status, message });
};

/** Refuses a JSON body nested deeper than the limit before `JSON.parse` builds it. */
const verifyNesting = (_req: unknown, _res: unknown, buf: Buffer): void => {
  if (jsonNestingExceeds(buf, DEFAULT_INPUT_LIMITS.maxDepth)) {
    throw new InputRefused(`Nội dung gửi lên lồng nhau quá sâu (tối đa ${DEFAULT_INPUT_LIMITS.maxDepth} cấp).`);
  }
};

const rawBodies = new WeakMap<object, Buffer>();
const keepRawBody = (req: object, _res: unknown, buf: Buffer): void => {
  rawBodies.set(req, Buffer.from(buf));
};
/** The bytes of an XML body exactly as they arrived (before decoding and NFC normalisation). */
export const rawBodyOf = (req: object): Buffer | undefined => rawBodies.get(req);

/** Body parsing and input normalisation for every request: `app.use(...inputPipeline())`. */
export function inputPipeline(): (RequestHandler | ErrorRequestHandler)[] {
  return [
    express.json({ limit: JSON_LIMIT, verify: verifyNesting }),
    express.text({ type: 'text/plain', limit: TEXT_LIMIT }),
    express.raw({ type: XLSX_TYPE, limit: XLSX_LIMIT }),
    // edXML status messages (POST /api/edxml/status) arrive as XML text; their bytes as received are
    // kept too (rawBodyOf): their signature covers those bytes, not the NFC-normalised text.
    express.text({ type: ['application/xml', 'text/xml'], limit: TEXT_LIMIT, verify: keepRawBody }),
    bodyErrors,
    normaliseRequest,
  ];
}
