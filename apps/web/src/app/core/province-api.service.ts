import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BodyOf, QueryOf, ResponseOf } from '@trinhky/contracts';
import { firstValueFrom } from 'rxjs';
import { blobError, getJson, paramsOf } from './api.service';

/**
 * Between agencies (issue 12): report requests, the board (Theo dõi) and its totals, the incoming
 * register (sổ văn bản đến) and deliveries — typed by libs/contracts operations/province.ts and
 * exchange-in.ts (type-only imports).
 */
@Injectable({ providedIn: 'root' })
export class ProvinceApi {
  private readonly http = inject(HttpClient);

  /** A page of the requests issued by, or addressed to, the caller's organisation (operation listRequests). */
  requests(query: QueryOf<'listRequests'> = {}): Promise<ResponseOf<'listRequests'>> {
    return getJson(this.http, '/api/requests', query);
  }

  request(id: string): Promise<ResponseOf<'getRequest'>> {
    return getJson(this.http, `/api/requests/${id}`);
  }

  createRequest(body: BodyOf<'createRequest'>): Promise<ResponseOf<'createRequest'>> {
    return firstValueFrom(this.http.post<ResponseOf<'createRequest'>>('/api/requests', body));
  }

  openFromRequest(id: string): Promise<ResponseOf<'openFromRequest'>> {
    return firstValueFrom(this.http.post<ResponseOf<'openFromRequest'>>(`/api/requests/${id}/open`, {}));
  }

  remindRequest(id: string, body: BodyOf<'remindRequest'> = {}): Promise<ResponseOf<'remindRequest'>> {
    return firstValueFrom(this.http.post<ResponseOf<'remindRequest'>>(`/api/requests/${id}/remind`, body));
  }

  provinceTotals(query: QueryOf<'provinceTotals'> = {}): Promise<ResponseOf<'provinceTotals'>> {
    return getJson(this.http, '/api/province/board/totals', query);
  }

  /** A page of the board (Theo dõi): the caller's reports and those of the organisations it follows, or one request's addressees. */
  provinceBoard(query: QueryOf<'provinceBoard'> = {}): Promise<ResponseOf<'provinceBoard'>> {
    return getJson(this.http, '/api/province/board', query);
  }

  /** The whole filtered board as CSV or Excel (operations provinceBoardCsv, provinceBoardXlsx). */
  provinceBoardExport(format: 'csv' | 'xlsx', query: QueryOf<'provinceBoardCsv'> = {}): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/province/board.${format}`, { params: paramsOf(query), responseType: 'blob' })).catch(
      blobError,
    );
  }

  incoming(query: QueryOf<'listIncoming'> = {}): Promise<ResponseOf<'listIncoming'>> {
    return getJson(this.http, '/api/incoming', query);
  }

  receiveIncoming(id: string): Promise<ResponseOf<'receiveIncoming'>> {
    return firstValueFrom(this.http.post<ResponseOf<'receiveIncoming'>>(`/api/incoming/${id}/receipt`, {}));
  }

  refuseIncoming(id: string, body: BodyOf<'refuseIncoming'>): Promise<ResponseOf<'refuseIncoming'>> {
    return firstValueFrom(this.http.post<ResponseOf<'refuseIncoming'>>(`/api/incoming/${id}/refusal`, body));
  }

  incomingPdf(id: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/incoming/${id}/pdf`, { responseType: 'blob' })).catch(blobError);
  }

  delivery(reportId: string): Promise<ResponseOf<'reportDelivery'>> {
    return getJson(this.http, `/api/reports/${reportId}/delivery`);
  }

  /** The sender's văn thư: try a pending delivery again now; the answer is its status after that attempt (operation retryDelivery). */
  retryDelivery(reportId: string): Promise<ResponseOf<'retryDelivery'>> {
    return firstValueFrom(this.http.post<ResponseOf<'retryDelivery'>>(`/api/reports/${reportId}/delivery/retry`, {}));
  }

  /** A page of the organisation's deliveries still pending, oldest first (operation pendingDeliveries). */
  pendingDeliveries(query: QueryOf<'pendingDeliveries'> = {}): Promise<ResponseOf<'pendingDeliveries'>> {
    return getJson(this.http, '/api/deliveries/pending', query);
  }
}
