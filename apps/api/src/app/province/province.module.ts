import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { ReportsModule } from '../reports/reports.module';
import { SectionsModule } from '../reports/sections.module';
import { AggregateController } from './aggregate.controller';
import { AggregateService } from './aggregate.service';
import { CompileService } from './compile.service';
import { PROVINCE_CONTROLLERS, PROVINCE_PROVIDERS } from './province.controller';

/** A province's requests to its communes, reminders, receivers and the board. */
@Module({
  imports: [OrganisationModule, ReportsModule, SectionsModule, NotificationsModule, AdminModule],
  controllers: [...PROVINCE_CONTROLLERS, AggregateController],
  providers: [...PROVINCE_PROVIDERS, AggregateService, CompileService],
})
export class ProvinceModule {}
