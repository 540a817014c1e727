/**
 * Structured JSON logs (pino). One logger per app: pino-http writes one line per request, Nest's own
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
import { pinoHttp, type HttpLogger } from 'pino-http';

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

/** The id of the request being handled, if any (for log lines written outside pino-http). */
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

/** Express middleware: request id (echoed as X-Request-Id), one JSON line per request, context for Nest logs. */
export function requestLogging(logger: Logger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const http: HttpLogger = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: (req) => ({ reqId: req.id }),
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (r: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        method: r.method,
        url: scrubUrl(r.url),
        remoteAddress: r.remoteAddress,
      }),
      res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
    },
  });
  return (req, res, next) => {
    http(req, res);
    requestContext.run({ reqId: String(req.id) }, next);
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
