import { Component, effect, inject, input, signal, untracked } from '@angular/core';
import type { AdminLogPage } from '@trinhky/contracts';
import { AdminApi } from '../../../core/admin-api.service';
import { apiMessage } from '../../../core/errors';
import { formatDateTime } from '../../../core/format';
import { PagerComponent } from '../../../shared/pager.component';

const PAGE = 50;

/** Quản trị → Nhật ký quản trị: the admin log one page at a time (newest first), reloaded whenever `version` changes. */
@Component({
  selector: 'tk-admin-log',
  imports: [PagerComponent],
  template: `<section class="tab" aria-labelledby="log-title">
    <h2 id="log-title">Nhật ký quản trị</h2>
    @if (error(); as e) {
      <p class="tk-error" role="alert">{{ e }}</p>
    }
    @if (page(); as p) {
      @if (p.items.length) {
        <p class="tk-muted" role="status" data-testid="admin-log-total">
          Hiển thị {{ p.items.length.toLocaleString('vi-VN') }} / {{ p.total.toLocaleString('vi-VN') }} bản ghi
        </p>
        <ol class="log">
          @for (e of p.items; track e.id) {
            <li data-testid="admin-log-entry">
              <span class="tk-muted">{{ formatDateTime(e.at) }} · {{ e.actor }}</span> — {{ e.summary }}
            </li>
          }
        </ol>
        <tk-pager [total]="p.total" [limit]="p.limit" [offset]="p.offset" (offsetChange)="load($event)" />
      } @else {
        <p class="tk-muted">Chưa có thay đổi nào.</p>
      }
    } @else if (!error()) {
      <p class="tk-muted" role="status">Đang tải…</p>
    }
  </section>`,
  styles: `
    .tab {
      padding: 8px 4px 16px;
    }
    .tab h2 {
      margin-top: 8px;
    }
    .log {
      padding-left: 20px;
    }
    .log li {
      margin: 4px 0;
    }
  `,
})
export class AdminLogComponent {
  private readonly api = inject(AdminApi);
  /** Bumped by the page after every change: the log reloads from its first page. */
  readonly version = input(0);
  protected readonly formatDateTime = formatDateTime;
  protected readonly page = signal<AdminLogPage | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.version();
      untracked(() => void this.load(0));
    });
  }

  protected async load(offset: number): Promise<void> {
    try {
      this.page.set(await this.api.adminLog({ limit: PAGE, offset }));
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được nhật ký quản trị.'));
    }
  }
}
