import type { z } from 'zod';
import type * as admin from './admin';
import type * as audit from './audit';
import type * as auth from './auth';
import type * as health from './health';
import type * as imports from './imports';
import type * as reports from './reports';
import type * as sections from './sections';
import type * as work from './work';

/** The wire types, inferred from the schemas (the web client and the API both use these). */
export type CurrentUser = z.output<typeof auth.currentUser>;
export type LoginRequest = z.input<typeof auth.loginRequest>;
export type LoginResponse = z.output<typeof auth.loginResponse>;

export type AllowedEventDto = z.output<typeof reports.allowedEvent>;
export type ReportSummary = z.output<typeof reports.reportSummary>;
export type SectionSummary = z.output<typeof reports.sectionSummary>;
export type ReportDetail = z.output<typeof reports.reportDetail>;
export type ReportListQuery = z.output<typeof reports.reportListQuery>;
export type ReportPage = z.output<typeof reports.reportPage>;
export type CreateReportRequest = z.input<typeof reports.createReportRequest>;
export type CreateReportInput = z.output<typeof reports.createReportRequest>;
export type EventRequest = z.input<typeof reports.eventRequest>;
export type EventInput = z.output<typeof reports.eventRequest>;
export type EventResult = z.output<typeof reports.eventResult>;
export type EventRefusal = z.output<typeof reports.eventRefusal>;

export type RevisionInfo = z.output<typeof sections.revisionInfo>;
export type SectionDetail = z.output<typeof sections.sectionDetail>;
export type RevisionDetail = z.output<typeof sections.revisionDetail>;
export type SaveContentRequest = z.input<typeof sections.saveContentRequest>;
export type SaveContentResult = z.output<typeof sections.saveContentResult>;
export type SaveConflict = z.output<typeof sections.saveConflict>;

export type AuditEntry = z.output<typeof audit.auditEntry>;
export type AuditPage = z.output<typeof audit.auditPage>;
export type ChainCheck = z.output<typeof audit.chainCheck>;
export type OrganisationCheck = z.output<typeof audit.organisationCheck>;

export type InboxItem = z.output<typeof work.inboxItem>;
export type InboxPage = z.output<typeof work.inboxPage>;
export type NotificationPage = z.output<typeof work.notificationPage>;
export type InboxRequest = z.output<typeof work.inboxRequest>;
export type NotificationDto = z.output<typeof work.notification>;
export type PushedEventDto = z.output<typeof work.pushedEvent>;
export type RegisterEntry = z.output<typeof work.registerEntry>;
export type RegisterPage = z.output<typeof work.registerPage>;

export type ImportPreviewRequest = z.input<typeof imports.importPreviewRequest>;
export type ImportReportRequest = z.input<typeof imports.importReportRequest>;
export type ImportNote = z.output<typeof imports.sourceNote>;
export type ImportPreview = z.output<typeof imports.importPreview>;
export type ImportCreated = z.output<typeof imports.importCreated>;

export type AdminUnit = z.output<typeof admin.adminUnit>;
export type AdminUser = z.output<typeof admin.adminUser>;
export type AdminDelegation = z.output<typeof admin.adminDelegation>;
export type AdminOrganisation = z.output<typeof admin.adminOrganisation>;
export type AdminLogEntry = z.output<typeof admin.adminLogEntry>;
export type AdminLogPage = z.output<typeof admin.adminLogPage>;
export type RoutingPolicyView = z.output<typeof admin.routingPolicyView>;
export type PolicyView = z.output<typeof admin.policyView>;
export type UnitCreateRequest = z.input<typeof admin.unitCreateRequest>;
export type UnitUpdateRequest = z.input<typeof admin.unitUpdateRequest>;
export type UserCreateRequest = z.input<typeof admin.userCreateRequest>;
export type UserUpdateRequest = z.input<typeof admin.userUpdateRequest>;
export type DelegationCreateRequest = z.input<typeof admin.delegationCreateRequest>;

export type Health = z.output<typeof health.health>;
