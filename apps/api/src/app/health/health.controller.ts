import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.guard';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async health(): Promise<{ status: 'ok'; database: 'embedded' | 'external' }> {
    await this.ds.query('SELECT 1');
    return { status: 'ok', database: this.config.databaseUrl ? 'external' : 'embedded' };
  }
}
