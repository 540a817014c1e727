import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { SeedService } from './seed.service';

/** Demo data (DEMO_SEED) and the organisations tests start from. */
@Module({ imports: [ReportsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
