/**
 * Errors that mean "the database cannot be used right now" rather than "this request is wrong":
 * the server refuses or drops connections (restart, outage, shut down by an administrator), the pool
 * has no free connection in time, or a statement / idle transaction ran past its limit.
 * They are answered 503 (AllExceptionsFilter), never a generic 500.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

/** SQLSTATEs: 08xxx connection exceptions, 57P01–57P03 shutdown / cannot connect now, 57014 statement cancelled (timeout), 53300 too many connections, 25P03 idle-in-transaction timeout. */
const SQLSTATE = /^(08...|57P0[1-3]|57014|53300|25P03)$/;

/** What node-postgres and pg-pool say when a connection is gone or cannot be had. */
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection/i,
  /query read timeout/i,
];

export type DatabaseUnavailableKind = 'timeout' | 'unreachable';

function codeOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;
}

/** The error itself, TypeORM's `driverError`, the `cause` chain and AggregateError's members. */
function* chain(err: unknown, depth = 0): Generator<unknown> {
  if (err === null || err === undefined || depth > 5) return;
  yield err;
  if (typeof err !== 'object') return;
  const o = err as { driverError?: unknown; cause?: unknown; errors?: unknown };
  yield* chain(o.driverError, depth + 1);
  yield* chain(o.cause, depth + 1);
  if (Array.isArray(o.errors)) for (const x of o.errors) yield* chain(x, depth + 1);
}

/** Why the database is unavailable, or null when `err` is some other failure. */
export function databaseUnavailable(err: unknown): DatabaseUnavailableKind | null {
  for (const e of chain(err)) {
    const code = codeOf(e);
    if (code === '57014' || code === '25P03') return 'timeout';
    if (code && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return 'unreachable';
    const message =
      typeof e === 'string'
        ? e
        : typeof (e as { message?: unknown } | null)?.message === 'string'
          ? (e as { message: string }).message
          : '';
    if (/timeout exceeded when trying to connect|query read timeout/i.test(message)) return 'timeout';
    if (MESSAGES.some((m) => m.test(message))) return 'unreachable';
  }
  return null;
}

export const DATABASE_UNAVAILABLE_MESSAGE: Record<DatabaseUnavailableKind, string> = {
  unreachable: 'Cơ sở dữ liệu tạm thời không truy cập được. Thao tác chưa được thực hiện; vui lòng thử lại sau ít phút.',
  timeout: 'Hệ thống đang quá tải nên chưa xử lý kịp yêu cầu. Thao tác chưa được thực hiện; vui lòng thử lại sau ít phút.',
};
