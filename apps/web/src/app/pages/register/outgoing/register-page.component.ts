import { Component, computed, inject, signal } from '@angular/core';
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
import type { RegisterEntry, ReportSummary } from '@trinhky/contracts';
import { downloadBlob, searchKey } from '../../../core/report-filter';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

/** Văn thư: reports waiting for numbering/dispatch/receipt, and the outgoing register with CSV export. */
@Component({
  selector: 'tk-register-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, StateBadgeComponent],
  templateUrl: './register-page.component.html',
})
export class RegisterPageComponent {
  private readonly api = inject(ApiService);

  protected readonly year = signal(new Date().getFullYear());
  protected readonly years = Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - i);
  protected readonly q = signal('');
  protected readonly entries = signal<RegisterEntry[] | null>(null);
  protected readonly waiting = signal<ReportSummary[]>([]);
  protected readonly waitingTotal = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly shown = computed(() => {
    const words = searchKey(this.q()).split(' ').filter(Boolean);
    return (this.entries() ?? []).filter((e) => {
      const hay = searchKey([e.numberText, e.subject, e.signer, this.recipients(e), e.type].join(' '));
      return words.every((w) => hay.includes(w));
    });
  });
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
    void this.load();
  }

  async load(): Promise<void> {
    try {
      // Only what waits for the clerk, filtered by the API (a page of 200 and its total: never a silent cap).
      const [entries, reports] = await Promise.all([
        this.api.register({ year: this.year() }),
        this.api.reports({ state: CLERK_REPORT_STATES.join(','), limit: 200 }),
      ]);
      this.entries.set(entries);
      this.waiting.set(reports.items);
      this.waitingTotal.set(reports.total);
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được sổ văn bản đi.'));
      this.entries.set([]);
    }
  }

  async exportCsv(): Promise<void> {
    try {
      downloadBlob(await this.api.registerCsv({ year: this.year() }), `so-van-ban-di-${this.year()}.csv`);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không xuất được tệp CSV.'));
    }
  }
}
