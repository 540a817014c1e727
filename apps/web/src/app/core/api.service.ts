import { HttpClient, HttpErrorResponse, HttpParams, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Period } from '@trinhky/domain';
import { firstValueFrom, type Observable } from 'rxjs';
import type {
  AuditEntry,
  AuditVerify,
  CreateReportRequest,
  CurrentUser,
  EventRequest,
  EventResult,
  ImportCreated,
  ImportPreview,
  ImportSource,
  InboxItem,
  RegisterEntry,
  ReportDetail,
  ReportSummary,
  RevisionDetail,
  SectionContent,
  SectionDetail,
} from './models';

export interface ReportFilter {
  state?: string;
  period?: string;
  unit?: string;
  kind?: string;
  overdue?: boolean;
  q?: string;
}

/** Quản trị (docs/api.md "Administration"). */
export interface AdminUnit {
  id: string;
  code: string;
  name: string;
  userCount: number;
}

/** A user as Quản trị lists them: the signed-in user's shape without the organisation, plus the admin fields. */
export interface AdminUser extends Omit<CurrentUser, 'organisation'> {
  fields: string[];
  active: boolean;
  createdAt: string;
}

export interface AdminDelegation {
  id: string;
  user: { id: string; username: string; fullName: string; positionTitle: string };
  kind: string;
  fromPosition: string;
  fromPositionTitle: string;
  validFrom: string | null;
  validTo: string | null;
  reportKinds: string[] | null;
  createdAt: string;
  endedAt: string | null;
  validNow: boolean;
  reasonNotValid: string | null;
  signatureBlock: { lines: string[]; name: string } | null;
  signatureBlockProblem: string | null;
}

export interface AdminPolicy {
  code: string;
  name: string;
  description: string;
}

export interface AdminRoutingPolicy {
  reportKind: string;
  reportKindName: string;
  policy: AdminPolicy;
  isDefault: boolean;
}

export interface AdminOrganisation {
  organisation: { id: string; name: string; issuerName: string; place: string; collectiveTitle: string };
  units: AdminUnit[];
  users: AdminUser[];
  delegations: AdminDelegation[];
  routingPolicies: AdminRoutingPolicy[];
  availablePolicies: AdminPolicy[];
  vocabulary: {
    positions: { code: string; title: string }[];
    roles: { code: string; name: string }[];
    fields: { code: string; name: string }[];
    delegationKinds: { code: string; name: string }[];
    reportKinds: { code: string; name: string }[];
  };
  today: string;
}

export interface AdminLogEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetId: string | null;
  summary: string;
}

export interface CreateUserRequest {
  username: string;
  fullName: string;
  password: string;
  position: string;
  unitCode: string | null;
  roles: string[];
  fields: string[];
  active: boolean;
}

export type UpdateUserRequest = Partial<Omit<CreateUserRequest, 'username'>>;

export interface DelegationRequest {
  userId: string;
  kind: string;
  fromPosition: string;
  validFrom: string | null;
  validTo: string | null;
  reportKinds: string[] | null;
}

/** Thin promise-based client of /api (docs/api.md). */
@Injectable({ providedIn: 'root' })
export class ApiService {
  private readonly http = inject(HttpClient);

  reports(filter: ReportFilter = {}): Promise<ReportSummary[]> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(filter)) {
      if (v === undefined || v === '' || v === false || v === null) continue;
      params = params.set(k, String(v));
    }
    return firstValueFrom(this.http.get<ReportSummary[]>('/api/reports', { params }));
  }

  report(id: string): Promise<ReportDetail> {
    return firstValueFrom(this.http.get<ReportDetail>(`/api/reports/${id}`));
  }

  /** Reads an existing report (upload progress as HttpEvents). */
  importPreview(body: ImportSource): Observable<HttpEvent<ImportPreview>> {
    return this.http.post<ImportPreview>('/api/imports/preview', body, { reportProgress: true, observe: 'events' });
  }

  /** Opens a report for a period from an imported one (upload progress as HttpEvents). */
  importReport(body: ImportSource & { period: Period; deadline: string; basis?: string }): Observable<HttpEvent<ImportCreated>> {
    return this.http.post<ImportCreated>('/api/imports/report', body, { reportProgress: true, observe: 'events' });
  }

  createReport(body: CreateReportRequest): Promise<ReportDetail> {
    return firstValueFrom(this.http.post<ReportDetail>('/api/reports', body));
  }

  sendEvent(reportId: string, body: EventRequest): Promise<EventResult> {
    return firstValueFrom(this.http.post<EventResult>(`/api/reports/${reportId}/events`, body));
  }

  audit(reportId: string): Promise<AuditEntry[]> {
    return firstValueFrom(this.http.get<AuditEntry[]>(`/api/reports/${reportId}/audit`));
  }

  verifyAudit(reportId: string): Promise<AuditVerify> {
    return firstValueFrom(this.http.get<AuditVerify>(`/api/reports/${reportId}/audit/verify`));
  }

  pdf(reportId: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/reports/${reportId}/pdf`, { responseType: 'blob' })).catch(blobError);
  }

  inbox(): Promise<InboxItem[]> {
    return firstValueFrom(this.http.get<InboxItem[]>('/api/inbox'));
  }

  section(reportId: string, sectionId: string): Promise<SectionDetail> {
    return firstValueFrom(this.http.get<SectionDetail>(`/api/reports/${reportId}/sections/${sectionId}`));
  }

  revision(reportId: string, sectionId: string, revisionId: string): Promise<RevisionDetail> {
    return firstValueFrom(this.http.get<RevisionDetail>(`/api/reports/${reportId}/sections/${sectionId}/revisions/${revisionId}`));
  }

  saveSection(reportId: string, sectionId: string, baseRevisionId: string | null, content: SectionContent): Promise<{ revisionId: string }> {
    return firstValueFrom(
      this.http.put<{ revisionId: string }>(`/api/reports/${reportId}/sections/${sectionId}/content`, { baseRevisionId, content }),
    );
  }

  register(year?: number, q?: string): Promise<RegisterEntry[]> {
    let params = new HttpParams();
    if (year) params = params.set('year', String(year));
    if (q) params = params.set('q', q);
    return firstValueFrom(this.http.get<RegisterEntry[]>('/api/register', { params }));
  }

  registerCsv(year?: number): Promise<Blob> {
    const params = year ? new HttpParams().set('year', String(year)) : undefined;
    return firstValueFrom(this.http.get('/api/register.csv', { params, responseType: 'blob' })).catch(blobError);
  }

  adminOrganisation(): Promise<AdminOrganisation> {
    return firstValueFrom(this.http.get<AdminOrganisation>('/api/admin/organisation'));
  }

  adminLog(limit = 100): Promise<AdminLogEntry[]> {
    return firstValueFrom(this.http.get<AdminLogEntry[]>('/api/admin/log', { params: new HttpParams().set('limit', String(limit)) }));
  }

  createUnit(body: { code: string; name: string }): Promise<AdminUnit> {
    return firstValueFrom(this.http.post<AdminUnit>('/api/admin/units', body));
  }

  updateUnit(id: string, body: { name: string }): Promise<AdminUnit> {
    return firstValueFrom(this.http.patch<AdminUnit>(`/api/admin/units/${id}`, body));
  }

  createUser(body: CreateUserRequest): Promise<AdminUser> {
    return firstValueFrom(this.http.post<AdminUser>('/api/admin/users', body));
  }

  updateUser(id: string, body: UpdateUserRequest): Promise<AdminUser> {
    return firstValueFrom(this.http.patch<AdminUser>(`/api/admin/users/${id}`, body));
  }

  createDelegation(body: DelegationRequest): Promise<AdminDelegation> {
    return firstValueFrom(this.http.post<AdminDelegation>('/api/admin/delegations', body));
  }

  endDelegation(id: string): Promise<AdminDelegation> {
    return firstValueFrom(this.http.post<AdminDelegation>(`/api/admin/delegations/${id}/end`, {}));
  }

  chooseRoutingPolicy(reportKind: string, policyCode: string): Promise<AdminRoutingPolicy> {
    return firstValueFrom(this.http.put<AdminRoutingPolicy>(`/api/admin/routing-policies/${encodeURIComponent(reportKind)}`, { policyCode }));
  }

  /** Any GET (admin screens probe what the API offers). */
  get<T>(url: string): Promise<T> {
    return firstValueFrom(this.http.get<T>(url));
  }
}

/** Blob requests carry their JSON error body as a Blob: parse it so the Vietnamese message shows. */
async function blobError(err: unknown): Promise<never> {
  if (err instanceof HttpErrorResponse && err.error instanceof Blob) {
    let body: unknown = null;
    try {
      body = JSON.parse(await err.error.text());
    } catch {
      body = null;
    }
    throw new HttpErrorResponse({ error: body, status: err.status, statusText: err.statusText, url: err.url ?? undefined });
  }
  throw err;
}
