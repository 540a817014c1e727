import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AdminAccess } from './admin/admin-access';
import { AdminController } from './admin/admin.controller';
import { AdminDelegationsService } from './admin/admin-delegations.service';
import { AdminOrganisationService } from './admin/admin-organisation.service';
import { AdminPeopleService } from './admin/admin-people.service';
import { AdminPoliciesService } from './admin/admin-policies.service';
import { AuditController } from './audit/audit.controller';
import { AUDIT_PROVIDERS } from './audit/audit.providers';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { CurrentUsers } from './auth/current-user';
import { LoginThrottle } from './auth/login-throttle';
import { APP_CONFIG } from './common/tokens';
import type { AppConfig } from './config';
import { DeadlineService } from './deadlines/deadline.service';
import { DocumentsController } from './documents/documents.controller';
import { PdfService } from './documents/pdf.service';
import { PreviewBinding } from './documents/preview-binding';
import { SigningService } from './documents/signing/signing.service';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { InboxController } from './notifications/inbox.controller';
import { InboxService } from './notifications/inbox.service';
import { NotificationsService } from './notifications/notifications.service';
import { PeopleService } from './organisation/people.service';
import { RegisterController } from './register/register.controller';
import { RegisterService } from './register/register.service';
import { ReportsController } from './reports/reports.controller';
import { ReportCreationService } from './reports/report-creation.service';
import { ReportsService } from './reports/reports.service';
import { SectionsController } from './reports/sections.controller';
import { ChecksController } from './reports/checks.controller';
import { FiguresXlsxController } from './reports/figures-xlsx.controller';
import { FiguresXlsxService } from './reports/figures-xlsx.service';
import { SectionsService } from './reports/sections.service';
import { TransitionsService } from './reports/transitions.service';
import { PgReportStore } from './reports/pg-report-store';
import { ReportStore } from './reports/report-store';
import { SeedService } from './seed/seed.service';
import { PROVINCE_CONTROLLERS, PROVINCE_PROVIDERS } from './province/province.controller';
import { EXCHANGE_CONTROLLERS, EXCHANGE_PROVIDERS } from './exchange/exchange.controller';
import { EdxmlController } from './exchange/edxml.controller';
import { EdxmlService } from './exchange/edxml.service';

/** The API. The DataSource is opened (and migrated) before Nest starts and handed in. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        HealthController,
        AuthController,
        ReportsController,
        SectionsController,
        ChecksController,
        FiguresXlsxController,
        AuditController,
        RegisterController,
        DocumentsController,
        InboxController,
        ImportsController,
        AdminController,
        ...PROVINCE_CONTROLLERS,
        ...EXCHANGE_CONTROLLERS,
        EdxmlController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: APP_GUARD, useClass: AuthGuard },
        CurrentUsers,
        LoginThrottle,
        PeopleService,
        ...AUDIT_PROVIDERS,
        RegisterService,
        ReportsService,
        ReportCreationService,
        TransitionsService,
        { provide: ReportStore, useClass: PgReportStore },
        SectionsService,
        FiguresXlsxService,
        PdfService,
        PreviewBinding,
        SigningService,
        NotificationsService,
        InboxService,
        SeedService,
        DeadlineService,
        ImportsService,
        AdminAccess,
        AdminPeopleService,
        AdminDelegationsService,
        AdminPoliciesService,
        AdminOrganisationService,
        ...PROVINCE_PROVIDERS,
        ...EXCHANGE_PROVIDERS,
        EdxmlService,
      ],
    };
  }
}
