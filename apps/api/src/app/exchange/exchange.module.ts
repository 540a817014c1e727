import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { ReportsModule } from '../reports/reports.module';
import { DeliveryModule } from './delivery.module';
import { EdxmlController } from './edxml.controller';
import { EdxmlService } from './edxml.service';
import { EXCHANGE_CONTROLLERS, EXCHANGE_PROVIDERS } from './exchange.controller';

/**
 * Between agencies: the receiving agency's incoming register and its văn thư's answers, deliveries'
 * status, the report as .docx and as an edXML envelope, edXML status messages.
 */
@Module({
  imports: [OrganisationModule, ReportsModule, NotificationsModule, AuditModule, DocumentsModule, AdminModule, DeliveryModule],
  controllers: [...EXCHANGE_CONTROLLERS, EdxmlController],
  providers: [...EXCHANGE_PROVIDERS, EdxmlService],
})
export class ExchangeModule {}
