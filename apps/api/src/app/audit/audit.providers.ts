import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '../common/tokens';
import type { AppConfig } from '../config';
import { AnchorService } from './anchor.service';
import { AuditKey } from './audit-key';
import { AuditSealService } from './audit-seal.service';
import { AuditService } from './audit.service';

/** The audit log's providers; the key comes from env AUDIT_KEY or DATA_DIR/audit-key. */
export const AUDIT_PROVIDERS: Provider[] = [
  { provide: AuditKey, useFactory: (config: AppConfig) => AuditKey.load(config.dataDir), inject: [APP_CONFIG] },
  AuditService,
  AnchorService,
  AuditSealService,
];
