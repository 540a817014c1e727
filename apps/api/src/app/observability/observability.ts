/**
 * Wires logs and metrics into the Nest app (apps/api/src/app/app.factory.ts calls these two).
 * GET /api/metrics is a plain Express route, outside Nest's controllers: no user login, not in the
 * OpenAPI document. Access: `Authorization: Bearer $METRICS_TOKEN` when METRICS_TOKEN is set;
 * without it, only direct requests from this machine (loopback, no X-Forwarded-For).
 */
import type { INestApplication, LoggerService } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createLogger, type LogOptions, PinoNestLogger, requestLogging } from './logger';
import { AppMetrics } from './metrics';

export interface ObservabilityOptions {
  /** false: Nest's own log lines off, and request lines too unless `log.level` says otherwise. */
  logger?: false;
  log?: LogOptions;
  /** Bearer token for GET /api/metrics; default METRICS_TOKEN. */
  metricsToken?: string;
}

export interface Observability {
  logger: Logger;
  nestLogger: LoggerService | false;
  install(app: INestApplication, ds: DataSource): AppMetrics;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** null when the scrape may proceed, else the refusal (status, Vietnamese message). */
export function metricsRefusal(req: IncomingMessage, token: string | undefined): { status: number; message: string } | null {
  if (token) {
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Bearer ') && sameSecret(header.slice(7), token)) return null;
    return { status: 401, message: 'Cần mã truy cập số liệu giám sát (Authorization: Bearer METRICS_TOKEN).' };
  }
  if (LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined) return null;
  return { status: 403, message: 'Số liệu giám sát chỉ mở cho chính máy chủ; hãy đặt METRICS_TOKEN để đọc từ máy khác.' };
}

export function observability(opts: ObservabilityOptions = {}): Observability {
  const level = opts.log?.level ?? (opts.logger === false ? 'silent' : undefined);
  const logger = createLogger({ ...opts.log, level });
  return {
    logger,
    nestLogger: opts.logger === false ? false : new PinoNestLogger(logger),
    install(app, ds) {
      const metrics = new AppMetrics(ds, logger);
      const token = opts.metricsToken ?? (process.env['METRICS_TOKEN'] || undefined);
      app.use(requestLogging(logger));
      app.use(metrics.middleware());
      app.getHttpAdapter().get('/api/metrics', (req: IncomingMessage, res: ServerResponse) => {
        const refused = metricsRefusal(req, token);
        res.setHeader('Cache-Control', 'no-store');
        if (refused) {
          res.statusCode = refused.status;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(JSON.stringify({ statusCode: refused.status, message: refused.message }));
          return;
        }
        metrics.registry.metrics().then(
          (text) => {
            res.setHeader('Content-Type', metrics.registry.contentType);
            res.end(text);
          },
          (e: Error) => {
            logger.error({ err: e }, 'metrics scrape failed');
            res.statusCode = 503;
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(JSON.stringify({ statusCode: 503, message: 'Tạm thời không đọc được số liệu giám sát.' }));
          },
        );
      });
      return metrics;
    },
  };
}
