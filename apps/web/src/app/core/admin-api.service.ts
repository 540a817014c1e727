import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BodyOf, QueryOf, ResponseOf } from '@trinhky/contracts';
import { firstValueFrom } from 'rxjs';
import { getJson } from './api.service';

/** Quản trị: units, users, delegations, routing policies, the admin log (libs/contracts operations/admin.ts). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  adminOrganisation(): Promise<ResponseOf<'adminOrganisation'>> {
    return getJson(this.http, '/api/admin/organisation');
  }

  /** The organisation's mã định danh for edXML (operation setAgencyCode). */
  setAgencyCode(body: BodyOf<'setAgencyCode'>): Promise<ResponseOf<'setAgencyCode'>> {
    return firstValueFrom(this.http.put<ResponseOf<'setAgencyCode'>>('/api/admin/organisation/agency-code', body));
  }

  /** A page of the admin log, newest first (operation adminLog). */
  adminLog(query: QueryOf<'adminLog'> = {}): Promise<ResponseOf<'adminLog'>> {
    return getJson(this.http, '/api/admin/log', query);
  }

  /** The whole organisation's audit chains. */
  verifyOrganisationAudit(): Promise<ResponseOf<'verifyOrganisationAudit'>> {
    return getJson(this.http, '/api/audit/verify');
  }

  createUnit(body: BodyOf<'createUnit'>): Promise<ResponseOf<'createUnit'>> {
    return firstValueFrom(this.http.post<ResponseOf<'createUnit'>>('/api/admin/units', body));
  }

  updateUnit(id: string, body: BodyOf<'updateUnit'>): Promise<ResponseOf<'updateUnit'>> {
    return firstValueFrom(this.http.patch<ResponseOf<'updateUnit'>>(`/api/admin/units/${id}`, body));
  }

  createUser(body: BodyOf<'createUser'>): Promise<ResponseOf<'createUser'>> {
    return firstValueFrom(this.http.post<ResponseOf<'createUser'>>('/api/admin/users', body));
  }

  updateUser(id: string, body: BodyOf<'updateUser'>): Promise<ResponseOf<'updateUser'>> {
    return firstValueFrom(this.http.patch<ResponseOf<'updateUser'>>(`/api/admin/users/${id}`, body));
  }

  createDelegation(body: BodyOf<'createDelegation'>): Promise<ResponseOf<'createDelegation'>> {
    return firstValueFrom(this.http.post<ResponseOf<'createDelegation'>>('/api/admin/delegations', body));
  }

  endDelegation(id: string): Promise<ResponseOf<'endDelegation'>> {
    return firstValueFrom(this.http.post<ResponseOf<'endDelegation'>>(`/api/admin/delegations/${id}/end`, {}));
  }

  chooseRoutingPolicy(reportKind: string, body: BodyOf<'setRoutingPolicy'>): Promise<ResponseOf<'setRoutingPolicy'>> {
    return firstValueFrom(
      this.http.put<ResponseOf<'setRoutingPolicy'>>(`/api/admin/routing-policies/${encodeURIComponent(reportKind)}`, body),
    );
  }
}
