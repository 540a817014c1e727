import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { ReportsModule } from '../reports/reports.module';
import { PROVINCE_CONTROLLERS, PROVINCE_PROVIDERS } from './province.controller';

/** A province's requests to its communes, reminders, receivers and the board. */
@Module({
  imports: [OrganisationModule, ReportsModule, NotificationsModule, AdminModule],
  controllers: PROVINCE_CONTROLLERS,
  providers: PROVINCE_PROVIDERS,
})
export class ProvinceModule {}
