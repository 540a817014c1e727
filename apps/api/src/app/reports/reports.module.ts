import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { ChecksController } from './checks.controller';
import { PgReportStore } from './pg-report-store';
import { ReportAccessModule } from './report-access.module';
import { ReportCreationService } from './report-creation.service';
import { ReportStore } from './report-store';
import { ReportsController } from './reports.controller';
import { TransitionsService } from './transitions.service';

/** Reports: opening one, the transitions over the ReportStore port (PostgreSQL adapter), the checks. */
@Module({
  imports: [OrganisationModule, ReportAccessModule, AuditModule, NotificationsModule, DocumentsModule],
  controllers: [ReportsController, ChecksController],
  providers: [ReportCreationService, TransitionsService, { provide: ReportStore, useClass: PgReportStore }],
  exports: [ReportAccessModule, ReportCreationService, TransitionsService],
})
export class ReportsModule {}
