/**
 * Structured JSON logs (pino). One logger per app: `requestLogging` writes one line per request, Nest's own
 * logs go through {@link PinoNestLogger}, and every line written while a request is handled carries
 * its id (`reqId`), kept in an AsyncLocalStorage by the request middleware.
 * Secrets never reach a log line: request headers are not logged at all, `access_token` in a URL is
 * masked, and the usual secret field names are redacted wherever they appear.
 */
import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export interface LogOptions {
  /** pino level; default LOG_LEVEL, else `silent` under Jest (NODE_ENV=test), else `info`. */
  level?: string;
  /** Where lines go (tests capture them); default stdout. */
  destination?: DestinationStream;
}

const LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function logLevel(requested?: string, env: NodeJS.ProcessEnv = process.env): LevelWithSilent {
  const wanted = (requested ?? env['LOG_LEVEL'] ?? (env['NODE_ENV'] === 'test' ? 'silent' : 'info')).toLowerCase();
  return (LEVELS as readonly string[]).includes(wanted) ? (wanted as LevelWithSilent) : 'info';
}

/** Field paths censored wherever they appear in a logged object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'authorization',
  'password',
  'token',
  'accessToken',
  '*.authorization',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.secret',
];

export function createLogger(opts: LogOptions = {}): Logger {
  return pino(
    {
      level: logLevel(opts.level),
      base: { service: 'trinh-ky-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination,
  );
}

const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/** The id of the request being handled, if any (for log lines written outside the request line). */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.reqId;
}

/** A caller's X-Request-Id is kept when it is short and plain; otherwise a fresh UUID. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Masks the value of `access_token` (the event stream's token in the query) in a logged URL. */
export function scrubUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:access_token|token)=)[^&#]*/gi, '$1[Redacted]');
}

type LoggedRequest = IncomingMessage & { id?: string; originalUrl?: string };

/**
 * Express middleware: request id (echoed as X-Request-Id, kept as `req.id`), one JSON line per
 * request, context for Nest logs. The line is the one pino-http 11 wrote with this module's
 * options — `req` (method, url as Express first saw it with `access_token` masked, remoteAddress),
 * `reqId`, `res.statusCode`, `responseTime` (ms), then `request completed` / `request aborted`, or at
 * level error with `err` and `request errored` for a 5xx or a stream error — written by one
 * logger call when the response ends. pino-http built two child loggers per request for it, and
 * each child ran the redaction serialiser over its bindings: ≈ 3–4 % of the main thread in the
 * transition bench (docs/notes/trans10.md). Redaction still applies to the line itself.
 */
export function requestLogging(logger: Logger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req: LoggedRequest, res, next) => {
    const reqId = requestIdOf(req);
    res.setHeader('X-Request-Id', reqId);
    req.id = reqId;
    const started = Date.now();
    const line = { method: req.method, url: scrubUrl(req.originalUrl || req.url), remoteAddress: req.socket?.remoteAddress };
    const done = (err?: Error): void => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      res.removeListener('error', done);
      const responseTime = Date.now() - started;
      const status = { statusCode: res.statusCode };
      if (err || res.statusCode >= 500) {
        const error = err ?? new Error(`failed with status code ${res.statusCode}`);
        if (logger.isLevelEnabled('error')) logger.error({ req: line, reqId, res: status, err: error, responseTime }, 'request errored');
      } else if (logger.isLevelEnabled('info')) {
        const msg = !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted';
        logger.info({ req: line, reqId, res: status, responseTime }, msg);
      }
    };
    res.on('close', done);
    res.on('finish', done);
    res.on('error', done);
    requestContext.run({ reqId }, next);
  };
}

type NestLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Nest's start-up chatter (one line per module and per route): debug, not info. */
const STARTUP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Nest's LoggerService on pino: `Logger.error(msg, stack, context)` and friends become JSON lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    this.write(typeof context === 'string' && STARTUP_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: NestLevel, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields['context'] = context;
    const reqId = currentRequestId();
    if (reqId) fields['reqId'] = reqId;
    if (level === 'error' && typeof rest[0] === 'string') fields['stack'] = rest[0];
    if (message instanceof Error) {
      fields['err'] = message;
      this.logger[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, data: message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
