import { type DynamicModule, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config';
import { CoreModule } from './core.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DocumentsModule } from './documents/documents.module';
import { ExchangeModule } from './exchange/exchange.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationModule } from './organisation/organisation.module';
import { ProvinceModule } from './province/province.module';
import { RegisterModule } from './register/register.module';
import { ReportsModule } from './reports/reports.module';
import { SectionsModule } from './reports/sections.module';
import { SeedModule } from './seed/seed.module';

/**
 * The API: the configuration and the DataSource (opened and migrated before Nest starts, handed in)
 * for every module, then one module per area, each exporting what the others use.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSource),
        HealthModule,
        AuthModule,
        OrganisationModule,
        ReportsModule,
        SectionsModule,
        AuditModule,
        RegisterModule,
        DocumentsModule,
        NotificationsModule,
        ImportsModule,
        AdminModule,
        ProvinceModule,
        ExchangeModule,
        DeadlinesModule,
        SeedModule,
      ],
    };
  }
}
