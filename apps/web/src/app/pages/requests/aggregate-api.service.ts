import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BodyOf, ResponseOf } from '@trinhky/contracts';
import { firstValueFrom } from 'rxjs';
import { blobError } from '../../core/api.service';

/** The aggregation of a request and the compiled report (libs/contracts operations/aggregate.ts). */
@Injectable({ providedIn: 'root' })
export class AggregateApi {
  private readonly http = inject(HttpClient);

  /** A request's figures summed over the communes that submitted (operation requestAggregate). */
  aggregate(id: string): Promise<ResponseOf<'requestAggregate'>> {
    return firstValueFrom(this.http.get<ResponseOf<'requestAggregate'>>(`/api/requests/${id}/aggregate`));
  }

  /** The aggregate as .xlsx (operation requestAggregateXlsx). */
  xlsx(id: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/requests/${id}/aggregate.xlsx`, { responseType: 'blob' })).catch(blobError);
  }

  /** The superior's compiled report opened from the request (operation compileRequest). */
  compile(id: string, body: BodyOf<'compileRequest'> = {}): Promise<ResponseOf<'compileRequest'>> {
    return firstValueFrom(this.http.post<ResponseOf<'compileRequest'>>(`/api/requests/${id}/compile`, body));
  }
}
