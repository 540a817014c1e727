import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable } from './database-errors';

/**
 * HTTP errors pass through as they are; a database that cannot be used right now (outage, restart,
 * pool exhausted, timeout) is a 503 with a Retry-After; anything else is logged and answered with a plain 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly log = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    // An error is JSON even from a route that declared another type (`@Header('Content-Type', 'text/csv')`
    // is applied before the pipes run): the error body is the contract's, not a download.
    res.removeHeader('Content-Disposition');
    res.type('application/json');
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      res.status(exception.getStatus()).json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    const unavailable = databaseUnavailable(exception);
    if (unavailable) {
      this.log.warn(`database unavailable (${unavailable}): ${exception instanceof Error ? exception.message : String(exception)}`);
      res.setHeader('Retry-After', '5');
      res.status(503).json({ statusCode: 503, message: DATABASE_UNAVAILABLE_MESSAGE[unavailable], reason: `database_${unavailable}` });
      return;
    }
    this.log.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    res.status(500).json({ statusCode: 500, message: 'Lỗi hệ thống. Thao tác chưa được thực hiện; vui lòng thử lại hoặc báo quản trị.' });
  }
}
