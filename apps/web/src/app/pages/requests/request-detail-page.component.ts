import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import type { RequestTarget, RequestView } from '@trinhky/contracts';
import { ProvinceApi } from '../../core/province-api.service';
import { AuthService } from '../../core/auth.service';
import { apiMessage } from '../../core/errors';
import { formatDate } from '../../core/format';
import { LiveService } from '../../core/live.service';
import { StateBadgeComponent } from '../../shared/state-badge.component';
import { RequestAggregateComponent } from './request-aggregate.component';

const STATUS_LABELS: Record<RequestTarget['status'], string> = {
  not_opened: 'Chưa mở báo cáo',
  in_progress: 'Đang thực hiện',
  submitted: 'Đã nộp đúng hạn',
  submitted_late: 'Nộp muộn',
  cancelled: 'Đã hủy',
};

/**
 * One request: each addressed organisation's status, "Đôn đốc" and "Tổng hợp số liệu" for the issuer,
 * "Mở báo cáo" for an addressed commune.
 */
@Component({
  selector: 'tk-request-detail-page',
  imports: [RouterLink, MatButtonModule, StateBadgeComponent, RequestAggregateComponent],
  template: `
    <div class="tk-page">
      <p><a routerLink="/yeu-cau-bao-cao">← Yêu cầu báo cáo</a></p>
      @if (error(); as err) {
        <p class="tk-error" role="alert">{{ err }}</p>
      }
      @if (notice(); as n) {
        <p class="tk-info" role="status" data-testid="remind-result">{{ n }}</p>
      }
      @if (request(); as r) {
        <h1>Văn bản số {{ r.numberText }} ngày {{ formatDate(r.issuedOn) }}</h1>
        <p>{{ r.issuer.name }} {{ r.subject }}. Kỳ {{ r.periodKey }}; hạn nộp {{ formatDate(r.deadline) }}.</p>
        @if (issuer()) {
          <button mat-stroked-button type="button" data-testid="remind-all" [disabled]="busy()" (click)="remind()">
            Đôn đốc các cơ quan chưa nộp
          </button>
        }
        <p>
          <a [routerLink]="['/theo-doi']" [queryParams]="{ request: r.id }" data-testid="request-board"
            >Xem trên bảng Theo dõi (lọc, xuất Excel)</a
          >
        </p>
        <div class="tk-table-wrap">
          <table class="tk-table" aria-label="Tình trạng từng cơ quan">
            <thead>
              <tr>
                <th scope="col">Cơ quan</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Báo cáo</th>
                <th scope="col">Đôn đốc gần nhất</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              @for (t of r.targets; track t.organisation.id) {
                <tr data-testid="request-target" [class.late]="t.late">
                  <td>{{ t.organisation.name }}</td>
                  <td>
                    {{ labels[t.status] }}
                    @if (t.late && t.status === 'in_progress') {
                      <span class="tk-overdue">quá hạn</span>
                    }
                  </td>
                  <td>
                    @if (t.report; as rep) {
                      <a [routerLink]="['/bao-cao', rep.id]"><tk-state-badge [state]="rep.state" /></a>
                      {{ rep.numberText ?? '' }}
                    } @else if (t.organisation.id === mine()) {
                      <button mat-flat-button type="button" data-testid="open-from-request" (click)="open()">Mở báo cáo</button>
                    }
                  </td>
                  <td>{{ t.lastReminder ? formatDate(t.lastReminder) : '' }}</td>
                  <td>
                    @if (issuer() && t.status !== 'submitted' && t.status !== 'submitted_late') {
                      <button mat-button type="button" [disabled]="busy()" (click)="remind(t.organisation.id)">Đôn đốc</button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (issuer()) {
          <tk-request-aggregate [requestId]="r.id" />
        }
      } @else {
        <p class="tk-muted" role="status">Đang tải…</p>
      }
    </div>
  `,
})
export class RequestDetailPageComponent {
  private readonly api = inject(ProvinceApi);
  private readonly auth = inject(AuthService);
  private readonly live = inject(LiveService);
  private readonly router = inject(Router);
  readonly id = input.required<string>();
  protected readonly labels = STATUS_LABELS;
  protected readonly formatDate = formatDate;
  protected readonly request = signal<RequestView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly mine = computed(() => this.auth.user()?.organisation.id ?? '');
  protected readonly issuer = computed(() => this.request()?.issuer.id === this.mine());

  constructor() {
    effect(() => {
      this.live.listChanged();
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async remind(organisationId?: string): Promise<void> {
    this.busy.set(true);
    try {
      const out = await this.api.remindRequest(this.id(), organisationId ? { organisationIds: [organisationId] } : {});
      const done = out.reminded.map((o) => o.name).join(', ');
      const skipped = out.skipped.map((s) => `${s.organisation.name} (${s.reason})`).join('; ');
      this.notice.set([done ? `Đã đôn đốc: ${done}.` : '', skipped ? `Không đôn đốc: ${skipped}.` : ''].filter(Boolean).join(' '));
      await this.load(this.id());
    } catch (e) {
      this.error.set(apiMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async open(): Promise<void> {
    try {
      const report = await this.api.openFromRequest(this.id());
      await this.router.navigate(['/bao-cao', report.id]);
    } catch (e) {
      this.error.set(apiMessage(e));
    }
  }

  private async load(id: string): Promise<void> {
    try {
      this.request.set(await this.api.request(id));
      this.error.set(null);
    } catch (e) {
      this.error.set(apiMessage(e));
    }
  }
}
