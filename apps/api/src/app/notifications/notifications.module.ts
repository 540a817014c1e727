import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DocumentsModule } from '../documents/documents.module';
import { DeliveryModule } from '../exchange/delivery.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationsService } from './notifications.service';

/** The outbox's delivery (inboxes, frozen PDFs, pushes), the inbox and the event stream. */
@Module({
  imports: [OrganisationModule, DocumentsModule, AuthModule, DeliveryModule],
  controllers: [InboxController],
  providers: [NotificationsService, InboxService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
