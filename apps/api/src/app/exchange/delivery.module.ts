import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeliveryService } from './delivery.service';

/** Delivery of a dispatched report into the receiving agency's incoming register (an outbox topic). */
@Module({ imports: [AuditModule], providers: [DeliveryService], exports: [DeliveryService] })
export class DeliveryModule {}
