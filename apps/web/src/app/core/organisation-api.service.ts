import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BodyOf, ResponseOf } from '@trinhky/contracts';
import { firstValueFrom } from 'rxjs';

/** The caller's organisation's own units and who drafts what (libs/contracts operations/organisation.ts). */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly http = inject(HttpClient);

  /** Its units and, per template, the unit drafting each part (operation organisationUnits). */
  units(): Promise<ResponseOf<'organisationUnits'>> {
    return firstValueFrom(this.http.get<ResponseOf<'organisationUnits'>>('/api/organisation/units'));
  }

  /** Quản trị → Phân công soạn thảo of a report kind (operation setPolicyUnits). */
  setPolicyUnits(reportKind: string, body: BodyOf<'setPolicyUnits'>): Promise<ResponseOf<'setPolicyUnits'>> {
    return firstValueFrom(
      this.http.put<ResponseOf<'setPolicyUnits'>>(`/api/admin/routing-policies/${encodeURIComponent(reportKind)}/units`, body),
    );
  }
}
