import { Component, effect, inject, input, signal, untracked } from '@angular/core';
import type { DeliveryView } from '@trinhky/contracts';
import { ProvinceApi } from '../../../core/province-api.service';
import { formatDateTime } from '../../../core/format';
import { LiveService } from '../../../core/live.service';

const LABELS: Record<DeliveryView['status'], string> = {
  not_dispatched: 'Chưa gửi',
  outside: 'Đã gửi ra ngoài hệ thống (văn thư ghi nhận kết quả)',
  pending: 'Chờ gửi',
  arrived: 'Đã đến',
  received: 'Đã tiếp nhận',
  refused: 'Bị từ chối',
};

/** Where the report's delivery to the receiving agency stands, live (the stream's delivery and report changes). */
@Component({
  selector: 'tk-delivery-status',
  template: `
    @if (view(); as d) {
      @if (d.status !== 'not_dispatched' || d.history.length) {
        <section class="tk-card delivery" aria-label="Tình trạng gửi báo cáo" data-testid="delivery-status" [attr.data-status]="d.status">
          <strong>Gửi {{ d.receiver?.name ?? 'cơ quan nhận' }}:</strong>
          <span data-testid="delivery-label">{{ labels[d.status] }}</span>
          @if (d.arrival; as a) {
            <span class="tk-muted">
              — số đến {{ a.arrivalNumber }}/{{ a.year }}, {{ time(a.arrivedAt) }}
              @if (a.answeredBy) {
                ; {{ a.answeredBy }}, {{ time(a.answeredAt) }}
              }
            </span>
            @if (a.refusalReason) {
              <div data-testid="delivery-reason">Lý do từ chối: {{ a.refusalReason }}</div>
            }
          }
          @if (d.status === 'pending' && d.lastError) {
            <div class="tk-error">
              Chưa gửi được (lần thử {{ d.attempts }}): {{ d.lastError }} Hệ thống sẽ gửi lại lúc {{ time(d.nextAttemptAt) }}.
            </div>
          }
        </section>
      }
    }
  `,
  styles: `
    .delivery {
      margin: 12px 0;
    }
  `,
})
export class DeliveryStatusComponent {
  private readonly api = inject(ProvinceApi);
  private readonly live = inject(LiveService);
  readonly reportId = input.required<string>();
  protected readonly view = signal<DeliveryView | null>(null);
  protected readonly labels = LABELS;
  protected readonly time = formatDateTime;

  constructor() {
    effect(() => {
      const change = this.live.lastChange();
      const id = this.reportId();
      if (change && change.type !== 'resync' && change.reportId && change.reportId !== id) return;
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.view.set(await this.api.delivery(id));
    } catch {
      this.view.set(null);
    }
  }
}
