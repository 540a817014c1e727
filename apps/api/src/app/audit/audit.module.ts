import { Module } from '@nestjs/common';
import { AnchorService } from './anchor.service';
import { AuditKey } from './audit-key';
import { AuditSealService } from './audit-seal.service';
import { AuditService } from './audit.service';
import { AuditController } from './audit.controller';
import { AUDIT_PROVIDERS } from './audit.providers';

/** The audit chains, their key, anchors and seals, and their verification routes. */
@Module({
  controllers: [AuditController],
  providers: AUDIT_PROVIDERS,
  exports: [AuditKey, AuditService, AnchorService, AuditSealService],
})
export class AuditModule {}
