import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { BoardPage, BoardTotals, QueryOf, RequestView } from '@trinhky/contracts';
import { REQUEST_PROGRESS_LABELS } from '@trinhky/workflow';
import { AuthService } from '../../../core/auth.service';
import { ProvinceApi } from '../../../core/province-api.service';
import { apiMessage } from '../../../core/errors';
import { reportStateLabel } from '../../../core/labels';
import { LiveService } from '../../../core/live.service';
import { downloadBlob, recentPeriodOptions } from '../../../core/report-filter';
import { UrlListState } from '../../../core/url-list-state';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { PagerComponent } from '../../../shared/pager.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

export interface BoardFilter {
  q: string;
  period: string;
  state: string;
  organisation: string;
  overdue: boolean;
  /** One request: every commune it went to, opened or not. */
  request: string;
}
const EMPTY: BoardFilter = { q: '', period: '', state: '', organisation: '', overdue: false, request: '' };
const PAGE = 50;

/**
 * "Theo dõi": the board on the API (GET /api/province/board, /totals): filters, accent-insensitive search,
 * a page at a time, totals counted by the database, days left and who holds each report, the whole
 * filtered board as CSV or Excel. A report opens read-only for a superior (the report page's own rule).
 */
@Component({
  selector: 'tk-tracking-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DeadlineComponent,
    PagerComponent,
    StateBadgeComponent,
  ],
  templateUrl: './tracking-page.component.html',
  styleUrl: './tracking-page.component.scss',
})
export class TrackingPageComponent {
  private readonly api = inject(ProvinceApi);
  private readonly live = inject(LiveService);
  private readonly auth = inject(AuthService);

  protected readonly page = signal<BoardPage | null>(null);
  protected readonly totals = signal<BoardTotals | null>(null);
  protected readonly requests = signal<RequestView[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly list = new UrlListState<BoardFilter>(EMPTY, () => void this.load());
  protected readonly filter = this.list.filter;
  protected readonly offset = this.list.offset;
  protected readonly periods = recentPeriodOptions();
  protected readonly organisations = computed(() => (this.totals()?.byOrganisation ?? []).map((o) => o.organisation));
  /** Show which organisation each report belongs to when any is not mine. */
  protected readonly following = computed(() => this.organisations().some((o) => o.id !== this.auth.user()?.organisation.id));
  protected readonly stateLabel = reportStateLabel;
  protected readonly progressLabel = REQUEST_PROGRESS_LABELS;

  constructor() {
    void this.load();
    // The filter lists the newest 200 requests the caller's organisation issued (a handful per quarter).
    void this.api
      .requests({ issued: 'true', limit: 200 })
      .then((r) => this.requests.set(r.items))
      .catch(() => this.requests.set([]));
    effect(() => {
      if (this.live.listChanged()) untracked(() => void this.load());
    });
  }

  protected toggleState(state: string): void {
    this.list.set('state', this.filter().state === state ? '' : state);
  }

  protected async export(format: 'csv' | 'xlsx'): Promise<void> {
    this.exporting.set(true);
    try {
      downloadBlob(await this.api.provinceBoardExport(format, this.query()), `theo-doi-bao-cao.${format}`);
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không xuất được bảng theo dõi.'));
    } finally {
      this.exporting.set(false);
    }
  }

  protected daysText(d: number): string {
    return d < 0 ? `quá ${-d} ngày` : d === 0 ? 'hôm nay' : `${d} ngày`;
  }

  private query(): QueryOf<'provinceTotals'> {
    const f = this.filter();
    return {
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      ...(f.period ? { period: f.period } : {}),
      ...(f.state ? { state: f.state } : {}),
      ...(f.organisation ? { organisation: f.organisation } : {}),
      ...(f.overdue ? { overdue: 'true' as const } : {}),
      ...(f.request ? { request: f.request } : {}),
    };
  }

  private async load(): Promise<void> {
    const newest = this.list.begin();
    const q = this.query();
    try {
      // Totals by state and commune over the other filters (a state chip filters the page, the chips stay).
      const withoutState = { ...q, state: undefined };
      const [page, totals] = await Promise.all([
        this.api.provinceBoard({ ...q, limit: PAGE, offset: this.offset() }),
        this.api.provinceTotals(withoutState),
      ]);
      if (!newest()) return; // a newer filter's answer wins
      this.page.set(page);
      this.totals.set(totals);
      this.error.set(null);
    } catch (err) {
      if (newest()) this.error.set(apiMessage(err, 'Không tải được bảng theo dõi.'));
    }
  }
}
