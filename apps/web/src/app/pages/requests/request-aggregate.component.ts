import { Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import type { AggregatedFigureView, AggregatedIndicatorView, RequestAggregate } from '@trinhky/contracts';
import { AggregateApi } from './aggregate-api.service';
import { apiMessage } from '../../core/errors';
import { downloadBlob } from '../../core/report-filter';
import { LiveService } from '../../core/live.service';

/** The aggregate shown in a cell: "2.718", "93,23 %", "Có tổ chức: 2; Không tổ chức: 1"; "—" when nobody reported it. */
export function aggregateText(ind: Pick<AggregatedIndicatorView, 'kind'>, f: AggregatedFigureView): string {
  if (!f.text) return f.method === 'none' && f.reported ? 'Không tổng hợp' : '—';
  return ind.kind === 'percent' && f.value !== null ? `${f.text} %` : f.text;
}

/**
 * "Tổng hợp số liệu" of a request, for its issuer: per group the indicators with their totals and how
 * many communes reported them, a drill into the communes behind a figure, the .xlsx, and "Lập báo cáo
 * tổng hợp" (the Sở's own report, its annex pre-filled from these sums).
 */
@Component({
  selector: 'tk-request-aggregate',
  imports: [RouterLink, MatButtonModule],
  styles: `
    .tk-num {
      text-align: right;
      white-space: nowrap;
    }
    .tk-part {
      font-style: italic;
      padding-left: 1.5em;
    }
    .tk-link {
      background: none;
      border: 0;
      padding: 0;
      color: inherit;
      text-decoration: underline dotted;
      cursor: pointer;
      font: inherit;
    }
  `,
  template: `
    <section class="tk-aggregate" aria-labelledby="aggregate-title" data-testid="aggregate">
      <h2 id="aggregate-title">Tổng hợp số liệu</h2>
      @if (error(); as err) {
        <p class="tk-error" role="alert">{{ err }}</p>
      }
      @if (agg(); as a) {
        <p data-testid="aggregate-included">
          Số liệu của {{ a.included.length }}/{{ a.included.length + a.notIncluded.length }} cơ quan đã gửi báo cáo:
          {{ names(a.included) || 'chưa có' }}.
        </p>
        @if (a.notIncluded.length) {
          <ul class="tk-muted" data-testid="aggregate-not-included">
            @for (x of a.notIncluded; track x.organisation.id) {
              <li>{{ x.organisation.name }}: {{ x.reason }}</li>
            }
          </ul>
        }
        <p class="tk-actions">
          <button mat-stroked-button type="button" data-testid="aggregate-xlsx" (click)="xlsx()">Tải Excel tổng hợp</button>
          @if (a.compile.reportId; as rid) {
            <a mat-flat-button [routerLink]="['/bao-cao', rid]" data-testid="compiled-report">Mở báo cáo tổng hợp</a>
          } @else {
            <button
              mat-flat-button
              type="button"
              data-testid="compile"
              [disabled]="!a.compile.allowed || busy()"
              [attr.title]="a.compile.reason"
              (click)="compile()"
            >
              Lập báo cáo tổng hợp
            </button>
            @if (a.compile.reason) {
              <span class="tk-muted" data-testid="compile-reason">{{ a.compile.reason }}</span>
            }
          }
        </p>
        @for (g of a.groups; track g.code) {
          <h3>{{ g.title }}</h3>
          <div class="tk-table-wrap">
            <table class="tk-table" [attr.aria-label]="'Tổng hợp: ' + g.title" [attr.data-group]="g.code">
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Chỉ tiêu</th>
                  <th scope="col">ĐVT</th>
                  @for (p of a.periods; track p.key) {
                    <th scope="col">{{ a.periods.length > 1 ? 'Tổng ' + p.label : 'Tổng' }}</th>
                    <th scope="col">Số xã đã báo cáo</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (ind of g.indicators; track ind.code) {
                  <tr data-testid="aggregate-row" [attr.data-code]="g.code + ':' + ind.code">
                    <td>{{ ind.code }}</td>
                    <td [class.tk-part]="ind.part">{{ ind.part ? 'Trong đó: ' + ind.name : ind.name }}</td>
                    <td>{{ ind.unit }}</td>
                    @for (f of ind.periods; track $index) {
                      @if (ind.heading) {
                        <td></td>
                        <td></td>
                      } @else {
                        <td class="tk-num" data-testid="aggregate-total" [attr.title]="f.note ?? null">
                          @if (f.sources.length) {
                            <button type="button" class="tk-link" (click)="toggle(g.code, ind.code, $index)">
                              {{ text(ind, f) }}
                            </button>
                          } @else {
                            {{ text(ind, f) }}
                          }
                        </td>
                        <td class="tk-num" data-testid="aggregate-reported">{{ f.reported }}</td>
                      }
                    }
                  </tr>
                  @for (f of ind.periods; track $index) {
                    @if (open() === key(g.code, ind.code, $index)) {
                      <tr data-testid="aggregate-sources">
                        <td></td>
                        <td [attr.colspan]="2 + a.periods.length * 2">
                          @if (f.note) {
                            <p class="tk-muted">{{ f.note }}</p>
                          }
                          <ul>
                            @for (s of f.sources; track s.organisationId) {
                              <li>{{ s.organisationName }}: {{ s.value }}</li>
                            }
                          </ul>
                        </td>
                      </tr>
                    }
                  }
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (!error()) {
        <p class="tk-muted" role="status">Đang tổng hợp…</p>
      }
    </section>
  `,
})
export class RequestAggregateComponent {
  private readonly api = inject(AggregateApi);
  private readonly live = inject(LiveService);
  private readonly router = inject(Router);
  readonly requestId = input.required<string>();
  protected readonly agg = signal<RequestAggregate | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly open = signal<string | null>(null);
  protected readonly text = aggregateText;

  constructor() {
    effect(() => {
      this.live.listChanged();
      const id = this.requestId();
      untracked(() => void this.load(id));
    });
  }

  protected names(xs: { organisation: { name: string } }[]): string {
    return xs.map((x) => x.organisation.name).join(', ');
  }

  protected key(group: string, code: string, period: number): string {
    return `${group}:${code}:${period}`;
  }

  protected toggle(group: string, code: string, period: number): void {
    const k = this.key(group, code, period);
    this.open.set(this.open() === k ? null : k);
  }

  protected async xlsx(): Promise<void> {
    try {
      downloadBlob(await this.api.xlsx(this.requestId()), `tong-hop-so-lieu-${this.agg()?.request.periodKey ?? ''}.xlsx`);
    } catch (e) {
      this.error.set(apiMessage(e));
    }
  }

  protected async compile(): Promise<void> {
    this.busy.set(true);
    try {
      const report = await this.api.compile(this.requestId());
      await this.router.navigate(['/bao-cao', report.id]);
    } catch (e) {
      this.error.set(apiMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(id: string): Promise<void> {
    try {
      this.agg.set(await this.api.aggregate(id));
      this.error.set(null);
    } catch (e) {
      this.error.set(apiMessage(e));
    }
  }
}
