import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth.service';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';
import { REPORT_STATES, reportStateLabel } from '../../../core/labels';
import { LiveService } from '../../../core/live.service';
import type { ReportSummary } from '@trinhky/contracts';
import {
  EMPTY_FILTER,
  daysLeftOf,
  downloadBlob,
  filterReports,
  organisationOptions,
  periodOptions,
  totalsByState,
  trackingCsv,
  type ReportListFilter,
} from '../../../core/report-filter';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

/** "Theo dõi": every report by period and state, deadline, days left, who holds it; totals; CSV. */
@Component({
  selector: 'tk-tracking-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatSelectModule,
    DeadlineComponent,
    StateBadgeComponent,
  ],
  templateUrl: './tracking-page.component.html',
  styles: `
    .totals {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 12px;
      padding: 0;
      list-style: none;
    }
    .totals button {
      border: 1px solid #c9d3df;
      background: #fff;
      border-radius: 16px;
      padding: 4px 12px;
      font: inherit;
      cursor: pointer;
    }
    .totals button[aria-pressed='true'] {
      border-color: #0b5cad;
      box-shadow: inset 0 0 0 1px #0b5cad;
    }
    .left {
      white-space: nowrap;
    }
  `,
})
export class TrackingPageComponent {
  private readonly api = inject(ApiService);
  private readonly live = inject(LiveService);
  private readonly auth = inject(AuthService);

  protected readonly all = signal<ReportSummary[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly filter = signal<ReportListFilter>({ ...EMPTY_FILTER });
  protected readonly states = REPORT_STATES.map((s) => ({ state: s, label: reportStateLabel(s) }));
  protected readonly periods = computed(() => periodOptions(this.all() ?? []));
  /** The organisations on the board: besides my own only for a superior agency (a province following its communes). */
  protected readonly organisations = computed(() => organisationOptions(this.all() ?? []));
  /** Show which organisation each report belongs to when any is not mine. */
  protected readonly following = computed(() => this.organisations().some((o) => o.id !== this.auth.user()?.organisation.id));
  protected readonly byPeriod = computed(() => filterReports(this.all() ?? [], { ...this.filter(), state: '' }));
  protected readonly shown = computed(() =>
    filterReports(this.all() ?? [], this.filter()).sort((a, b) => (daysLeftOf(a) ?? 1e9) - (daysLeftOf(b) ?? 1e9)),
  );
  protected readonly totals = computed(() => totalsByState(this.byPeriod()));
  protected readonly overdue = computed(() => this.byPeriod().filter((r) => r.overdue).length);
  protected readonly daysLeftOf = daysLeftOf;
  protected readonly stateLabel = reportStateLabel;

  constructor() {
    void this.load();
    effect(() => {
      if (this.live.lastChange()) untracked(() => void this.load());
    });
  }

  protected set<K extends keyof ReportListFilter>(key: K, value: ReportListFilter[K]): void {
    this.filter.update((f) => ({ ...f, [key]: value }));
  }

  protected toggleState(state: string): void {
    this.set('state', this.filter().state === state ? '' : state);
  }

  protected exportCsv(): void {
    downloadBlob(
      new Blob([trackingCsv(this.shown(), undefined, this.following())], { type: 'text/csv;charset=utf-8' }),
      'theo-doi-bao-cao.csv',
    );
  }

  private async load(): Promise<void> {
    try {
      this.all.set(await this.api.reports());
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được danh sách báo cáo.'));
    }
  }
}
