import { HttpClient, HttpErrorResponse, HttpParams, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BodyOf, QueryOf, ResponseOf } from '@trinhky/contracts';
import { firstValueFrom, type Observable } from 'rxjs';

/**
 * Thin promise-based client of /api. Every method is typed by its operation in libs/contracts
 * (`ResponseOf<'getReport'>`, `BodyOf<'sendEvent'>`): type-only imports, so zod stays out of the bundle.
 * Between agencies: ProvinceApi; Quản trị: AdminApi; units: OrganisationApi.
 */
@Injectable({ providedIn: 'root' })
export class ApiService {
  private readonly http = inject(HttpClient);

  reports(query: QueryOf<'listReports'> = {}): Promise<ResponseOf<'listReports'>> {
    return this.getJson('/api/reports', query);
  }

  report(id: string): Promise<ResponseOf<'getReport'>> {
    return this.getJson(`/api/reports/${id}`);
  }

  /** The report as a document model (the signature block the signer confirms). */
  reportDocument(id: string): Promise<ResponseOf<'reportDocument'>> {
    return this.getJson(`/api/reports/${id}/document`);
  }

  /** Reads an existing report (upload progress as HttpEvents). */
  importPreview(body: BodyOf<'importPreview'>): Observable<HttpEvent<ResponseOf<'importPreview'>>> {
    return this.http.post<ResponseOf<'importPreview'>>('/api/imports/preview', body, { reportProgress: true, observe: 'events' });
  }

  /** Opens a report for a period from an imported one (upload progress as HttpEvents). */
  importReport(body: BodyOf<'importReport'>): Observable<HttpEvent<ResponseOf<'importReport'>>> {
    return this.http.post<ResponseOf<'importReport'>>('/api/imports/report', body, { reportProgress: true, observe: 'events' });
  }

  createReport(body: BodyOf<'createReport'>): Promise<ResponseOf<'createReport'>> {
    return firstValueFrom(this.http.post<ResponseOf<'createReport'>>('/api/reports', body));
  }

  sendEvent(reportId: string, body: BodyOf<'sendEvent'>): Promise<ResponseOf<'sendEvent'>> {
    return firstValueFrom(this.http.post<ResponseOf<'sendEvent'>>(`/api/reports/${reportId}/events`, body));
  }

  /** A page of the report's chain, newest first (operation listAudit). */
  audit(reportId: string, query: QueryOf<'listAudit'> = {}): Promise<ResponseOf<'listAudit'>> {
    return this.getJson(`/api/reports/${reportId}/audit`, query);
  }

  verifyAudit(reportId: string): Promise<ResponseOf<'verifyReportAudit'>> {
    return this.getJson(`/api/reports/${reportId}/audit/verify`);
  }

  /** Every finding of the report's figures, by part (issue 11). */
  reportChecks(reportId: string): Promise<ResponseOf<'reportChecks'>> {
    return this.getJson(`/api/reports/${reportId}/checks`);
  }

  pdf(reportId: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/reports/${reportId}/pdf`, { responseType: 'blob' })).catch(blobError);
  }

  inbox(query: QueryOf<'inbox'> = {}): Promise<ResponseOf<'inbox'>> {
    return this.getJson('/api/inbox', query);
  }

  /** The SHA-256 the API announces for the PDF previewed now (X-Document-Sha256): a signature names it. */
  async previewSha256(reportId: string): Promise<string | undefined> {
    const res = await firstValueFrom(this.http.get(`/api/reports/${reportId}/pdf`, { responseType: 'blob', observe: 'response' })).catch(
      blobError,
    );
    return res.headers.get('X-Document-Sha256') ?? undefined;
  }

  /** Each signature of the frozen PDF, verified by the API (signer, chain, time, coverage, intact). */
  signatures(reportId: string): Promise<ResponseOf<'reportSignatures'>> {
    return this.getJson(`/api/reports/${reportId}/signatures`);
  }

  /** The report as Word (.docx), ND 30 layout (operation reportDocx). */
  reportDocx(reportId: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/reports/${reportId}/document.docx`, { responseType: 'blob' })).catch(blobError);
  }

  section(reportId: string, sectionId: string): Promise<ResponseOf<'getSection'>> {
    return this.getJson(`/api/reports/${reportId}/sections/${sectionId}`);
  }

  revision(reportId: string, sectionId: string, revisionId: string): Promise<ResponseOf<'getRevision'>> {
    return this.getJson(`/api/reports/${reportId}/sections/${sectionId}/revisions/${revisionId}`);
  }

  saveSection(reportId: string, sectionId: string, body: BodyOf<'saveContent'>): Promise<ResponseOf<'saveContent'>> {
    return firstValueFrom(this.http.put<ResponseOf<'saveContent'>>(`/api/reports/${reportId}/sections/${sectionId}/content`, body));
  }

  /** The report's statistics annex as .xlsx (operation annexXlsx). */
  annexXlsx(reportId: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/reports/${reportId}/annex.xlsx`, { responseType: 'blob' })).catch(blobError);
  }

  /** A part's figures sheet (.xlsx, blank when it has none yet) for filling in Excel (operation partSheet). */
  partSheet(reportId: string, sectionId: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/reports/${reportId}/sections/${sectionId}/figures.xlsx`, { responseType: 'blob' })).catch(
      blobError,
    );
  }

  /** Imports a filled sheet as the part's new revision (operation importPartSheet); a 400 names the cells at fault. */
  importPartSheet(
    reportId: string,
    sectionId: string,
    file: Blob,
    query: QueryOf<'importPartSheet'>,
  ): Promise<ResponseOf<'importPartSheet'>> {
    return firstValueFrom(
      this.http.post<ResponseOf<'importPartSheet'>>(`/api/reports/${reportId}/sections/${sectionId}/figures.xlsx`, file, {
        params: paramsOf(query),
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      }),
    );
  }

  register(query: QueryOf<'listRegister'> = {}): Promise<ResponseOf<'listRegister'>> {
    return this.getJson('/api/register', query);
  }

  registerCsv(query: QueryOf<'registerCsv'> = {}): Promise<Blob> {
    return firstValueFrom(this.http.get('/api/register.csv', { params: paramsOf(query), responseType: 'blob' })).catch(blobError);
  }

  private getJson<T>(url: string, query?: object): Promise<T> {
    return getJson(this.http, url, query);
  }
}

/** GET a JSON body, with the query's non-empty parameters (shared by ApiService, ProvinceApi, AdminApi). */
export function getJson<T>(http: HttpClient, url: string, query?: object): Promise<T> {
  return firstValueFrom(http.get<T>(url, query ? { params: paramsOf(query) } : {}));
}

/** Query parameters without the empty ones. */
export function paramsOf(query: object): HttpParams {
  let params = new HttpParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params = params.set(k, String(v));
  return params;
}

/** Blob requests carry their JSON error body as a Blob: parse it so the Vietnamese message shows. */
export async function blobError(err: unknown): Promise<never> {
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
