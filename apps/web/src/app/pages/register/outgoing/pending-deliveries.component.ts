import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import type { PendingDelivery, PendingDeliveryPage } from '@trinhky/contracts';
import { mayRetryDelivery } from '@trinhky/workflow';
import { AuthService } from '../../../core/auth.service';
import { apiMessage } from '../../../core/errors';
import { formatDateTime } from '../../../core/format';
import { LiveService } from '../../../core/live.service';
import { ProvinceApi } from '../../../core/province-api.service';
import { PagerComponent } from '../../../shared/pager.component';

const PAGE = 20;

/**
 * Sổ văn bản đi → "Gửi chưa đến nơi nhận": the organisation's dispatched reports whose delivery into the
 * receiving agency has not landed yet (GET /api/deliveries/pending), with attempts, the last error and when
 * the outbox tries again. The outbox retries by itself (back-off up to 5 minutes); the sender's văn thư may
 * also try one again at once ("Gửi lại ngay", say once the receiver is receiving again) and reads the result.
 * Reloads on every live change (`delivery.changed`).
 */
@Component({
  selector: 'tk-pending-deliveries',
  imports: [RouterLink, MatButtonModule, MatCheckboxModule, PagerComponent],
  template: `<section aria-labelledby="pending-title">
    <h2 id="pending-title">Gửi chưa đến nơi nhận</h2>
    <p class="tk-muted">
      Báo cáo đã gửi qua hệ thống nhưng cơ quan nhận chưa nhận được. Hệ thống tự động gửi lại (giãn cách tăng dần, tối đa 5 phút một lần)
      cho đến khi văn bản đến nơi; văn thư có thể gửi lại ngay khi đã khắc phục nguyên nhân.
    </p>
    <mat-checkbox [checked]="failingOnly()" (change)="setFailingOnly($event.checked)" data-testid="pending-failing"
      >Chỉ lần gửi bị lỗi</mat-checkbox
    >
    @if (error(); as e) {
      <p class="tk-error" role="alert">{{ e }}</p>
    }
    @if (outcome(); as o) {
      <p class="tk-info" role="status" data-testid="retry-outcome">{{ o }}</p>
    }
    @if (page(); as p) {
      @if (p.items.length) {
        <p class="tk-muted" role="status" data-testid="pending-total">
          {{ p.total.toLocaleString('vi-VN') }} lần gửi còn chờ
          @if (p.total > p.items.length) {
            · Hiển thị {{ p.items.length.toLocaleString('vi-VN') }} / {{ p.total.toLocaleString('vi-VN') }}
          }
        </p>
        <div class="tk-table-wrap">
          <table class="tk-table" aria-label="Gửi chưa đến nơi nhận">
            <thead>
              <tr>
                <th scope="col">Báo cáo</th>
                <th scope="col">Nơi nhận</th>
                <th scope="col">Gửi lúc</th>
                <th scope="col" class="num">Số lần thử</th>
                <th scope="col">Lỗi gần nhất</th>
                <th scope="col">Thử lại lúc</th>
              </tr>
            </thead>
            <tbody>
              @for (d of p.items; track d.reportId + d.since) {
                <tr data-testid="pending-delivery">
                  <td>
                    <a [routerLink]="['/bao-cao', d.reportId]">{{ d.numberText ? d.numberText + ' — ' : '' }}{{ d.title }}</a>
                  </td>
                  <td>{{ d.receiver?.name ?? 'Không còn cơ quan nhận trong hệ thống' }}</td>
                  <td>{{ formatDateTime(d.since) }}</td>
                  <td class="num">{{ d.attempts }}</td>
                  <td [class.tk-error]="!!d.lastError">{{ d.lastError ?? (d.attempts ? '—' : 'Chưa thử gửi') }}</td>
                  <td>
                    {{ nextAttempt(d) }}
                    @if (canRetry()) {
                      <button mat-button type="button" [disabled]="retrying() === d.reportId" (click)="retry(d)">Gửi lại ngay</button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <tk-pager [total]="p.total" [limit]="p.limit" [offset]="p.offset" (offsetChange)="goTo($event)" />
      } @else if (p.total) {
        <p class="tk-muted">Không còn dòng nào ở trang này.</p>
        <tk-pager [total]="p.total" [limit]="p.limit" [offset]="p.offset" (offsetChange)="goTo($event)" />
      } @else {
        <p class="tk-muted" data-testid="pending-empty">
          {{ failingOnly() ? 'Không có lần gửi nào bị lỗi.' : 'Mọi báo cáo đã gửi đều đã đến nơi nhận.' }}
        </p>
      }
    } @else if (!error()) {
      <p class="tk-muted" role="status">Đang tải…</p>
    }
  </section>`,
})
export class PendingDeliveriesComponent {
  private readonly api = inject(ProvinceApi);
  private readonly live = inject(LiveService);
  private readonly auth = inject(AuthService);
  protected readonly formatDateTime = formatDateTime;
  protected readonly failingOnly = signal(false);
  protected readonly offset = signal(0);
  protected readonly page = signal<PendingDeliveryPage | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly outcome = signal<string | null>(null);
  protected readonly retrying = signal<string | null>(null);
  /** The rulebook's answer for the user's own organisation's deliveries (the only ones listed). */
  protected readonly canRetry = computed(() => {
    const u = this.auth.user();
    return !!u && mayRetryDelivery({ organisationId: u.organisation.id, roles: u.roles }, { organisationId: u.organisation.id }).ok;
  });

  constructor() {
    effect(() => {
      this.live.listChanged();
      this.failingOnly();
      this.offset();
      untracked(() => void this.load());
    });
  }

  /** The next attempt's time; "sắp thử lại" once it is due (the outbox picks it up on its next round). */
  protected nextAttempt(d: PendingDelivery, now = Date.now()): string {
    return new Date(d.nextAttemptAt).getTime() <= now ? 'Sắp thử lại' : formatDateTime(d.nextAttemptAt);
  }

  protected setFailingOnly(on: boolean): void {
    this.failingOnly.set(on);
    this.offset.set(0);
  }

  protected async retry(d: PendingDelivery): Promise<void> {
    this.retrying.set(d.reportId);
    try {
      const v = await this.api.retryDelivery(d.reportId);
      const what = d.numberText ?? d.title;
      this.outcome.set(
        v.status === 'pending'
          ? `Chưa gửi được ${what}: ${v.lastError ?? 'cơ quan nhận chưa phản hồi'}. Hệ thống sẽ tiếp tục thử lại.`
          : `Đã gửi ${what} đến ${v.receiver?.name ?? 'nơi nhận'}.`,
      );
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không gửi lại được.'));
    } finally {
      this.retrying.set(null);
      void this.load();
    }
  }

  protected goTo(offset: number): void {
    this.offset.set(offset);
  }

  private async load(): Promise<void> {
    try {
      const failing = this.failingOnly() ? 'true' : undefined;
      this.page.set(await this.api.pendingDeliveries({ failing, limit: PAGE, offset: this.offset() }));
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được danh sách gửi chưa đến nơi nhận.'));
    }
  }
}
