import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { CLERK_REPORT_STATES } from '@trinhky/workflow';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';
import { formatDate, formatDateTime } from '../../../core/format';
import type { RegisterEntry, RegisterPage, ReportSummary } from '@trinhky/contracts';
import { downloadBlob } from '../../../core/report-filter';
import { PagerComponent } from '../../../shared/pager.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';
import { PendingDeliveriesComponent } from './pending-deliveries.component';

const PAGE = 50;

/** Văn thư: reports waiting for numbering/dispatch/receipt, and the outgoing register with CSV export. */
@Component({
  selector: 'tk-register-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PagerComponent,
    PendingDeliveriesComponent,
    StateBadgeComponent,
  ],
  templateUrl: './register-page.component.html',
})
export class RegisterPageComponent {
  private readonly api = inject(ApiService);

  protected readonly year = signal(new Date().getFullYear());
  protected readonly years = Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - i);
  protected readonly q = signal('');
  /** The current page of the register (filtered by the API: year and an accent-insensitive search). */
  protected readonly entries = signal<RegisterPage | null>(null);
  protected readonly offset = signal(0);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  protected readonly waiting = signal<ReportSummary[]>([]);
  protected readonly waitingTotal = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    void this.load();
  }

  protected recipients(e: RegisterEntry): string {
    return e.recipients.join('; ');
  }

  protected setYear(y: number): void {
    this.year.set(y);
    this.offset.set(0);
    void this.load();
  }

  /** The search runs in the API (every matching entry, not only this page), 300 ms after the last key. */
  protected setQuery(q: string): void {
    this.q.set(q);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.offset.set(0);
      void this.load();
    }, 300);
  }

  protected goTo(offset: number): void {
    this.offset.set(offset);
    void this.load();
  }

  async load(): Promise<void> {
    try {
      // Only what waits for the clerk, filtered by the API (a page of 200 and its total: never a silent cap).
      const [entries, reports] = await Promise.all([
        this.api.register({ year: this.year(), q: this.q().trim() || undefined, limit: PAGE, offset: this.offset() }),
        this.api.reports({ state: CLERK_REPORT_STATES.join(','), limit: 200 }),
      ]);
      this.entries.set(entries);
      this.waiting.set(reports.items);
      this.waitingTotal.set(reports.total);
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được sổ văn bản đi.'));
      this.entries.set(null);
    }
  }

  async exportCsv(): Promise<void> {
    try {
      downloadBlob(await this.api.registerCsv({ year: this.year(), q: this.q().trim() || undefined }), `so-van-ban-di-${this.year()}.csv`);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không xuất được tệp CSV.'));
    }
  }
}
