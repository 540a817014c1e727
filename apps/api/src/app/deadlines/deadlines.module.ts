import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { DeadlineService } from './deadline.service';

/** The deadline sweep (reminder/overdue through the transitions) and the anchor schedule. */
@Module({ imports: [ReportsModule, NotificationsModule, AuditModule], providers: [DeadlineService], exports: [DeadlineService] })
export class DeadlinesModule {}
