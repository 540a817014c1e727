import { AuditAnchorEntity } from './audit-anchor.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { DelegationEntity } from './delegation.entity';
import { NotificationEntity } from './notification.entity';
import { OrganisationEntity } from './organisation.entity';
import { OutboxEntity } from './outbox.entity';
import { RegisterEntryEntity } from './register-entry.entity';
import { RenderedPdfEntity } from './rendered-pdf.entity';
import { ReportEntity } from './report.entity';
import { RoutingPolicyEntity } from './routing-policy.entity';
import { SectionRevisionEntity } from './section-revision.entity';
import { SectionEntity } from './section.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export {
  AuditAnchorEntity,
  AuditEntryEntity,
  DelegationEntity,
  NotificationEntity,
  OrganisationEntity,
  OutboxEntity,
  RegisterEntryEntity,
  RenderedPdfEntity,
  ReportEntity,
  RoutingPolicyEntity,
  SectionRevisionEntity,
  SectionEntity,
  UnitEntity,
  UserEntity,
};

export const ENTITIES = [
  OrganisationEntity,
  UnitEntity,
  UserEntity,
  DelegationEntity,
  RoutingPolicyEntity,
  ReportEntity,
  SectionEntity,
  SectionRevisionEntity,
  AuditEntryEntity,
  AuditAnchorEntity,
  RegisterEntryEntity,
  OutboxEntity,
  NotificationEntity,
  RenderedPdfEntity,
];
