import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.guard';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import { poolStats } from '../database/data-source';
import { NotificationsService } from '../notifications/notifications.service';

export interface HealthReport {
  /** ok: everything works; degraded: requests work but live updates or the pool are impaired; down: the database cannot be used. */
  status: 'ok' | 'degraded' | 'down';
  database: { status: 'up' | 'down' | 'timeout'; kind: 'embedded' | 'external'; error?: string; pool: ReturnType<typeof poolStats> };
  listener: { status: string };
  outbox: { backlog: number | null };
}

const TIMEOUT = Symbol('timeout');

/** Health of each dependency, answered within HEALTH_TIMEOUT_MS (default 2 s) even during an outage. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const limit = Number(process.env['HEALTH_TIMEOUT_MS'] || 2000);
    let timer: NodeJS.Timeout | undefined;
    const probe = this.ds.query('SELECT count(*)::int AS backlog FROM outbox WHERE delivered_at IS NULL') as Promise<{ backlog: number }[]>;
    probe.catch(() => undefined); // a late failure after the timeout must not go unhandled
    // Any rejection is a failure (an error raised by Node's socket layer is not always `instanceof Error` here).
    const result = await Promise.race([probe, new Promise<typeof TIMEOUT>((r) => (timer = setTimeout(() => r(TIMEOUT), limit)))]).catch(
      (e: unknown) => ({ failed: e }),
    );
    clearTimeout(timer);
    const kind = this.config.databaseUrl ? 'external' : 'embedded';
    const database: HealthReport['database'] =
      result === TIMEOUT
        ? { status: 'timeout', kind, error: `không trả lời trong ${limit} ms`, pool: poolStats(this.ds) }
        : !Array.isArray(result)
          ? {
              status: 'down',
              kind,
              error: String((result.failed as { message?: unknown })?.message ?? result.failed),
              pool: poolStats(this.ds),
            }
          : { status: 'up', kind, pool: poolStats(this.ds) };
    const listener = this.notifications.listenerStatus();
    const status: HealthReport['status'] = database.status !== 'up' ? 'down' : listener !== 'listening' ? 'degraded' : 'ok';
    const report: HealthReport = {
      status,
      database,
      listener: { status: listener },
      outbox: { backlog: Array.isArray(result) ? Number(result[0]?.backlog ?? 0) : null },
    };
    if (status === 'down') {
      res.setHeader('Retry-After', '5');
      throw new ServiceUnavailableException({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        message: 'Cơ sở dữ liệu tạm thời không truy cập được.',
        ...report,
      });
    }
    return report;
  }
}
