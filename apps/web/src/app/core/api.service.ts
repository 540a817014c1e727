import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  AuditEntry,
  AuditVerify,
  CreateReportRequest,
  EventRequest,
  EventResult,
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
