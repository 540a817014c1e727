import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { UNIT_NAMES } from '@trinhky/domain';
import { ApiService } from '../../../core/api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage } from '../../../core/errors';
import { REPORT_STATES, reportStateLabel } from '../../../core/labels';
import { LiveService } from '../../../core/live.service';
import type { ReportSummary } from '@trinhky/contracts';
import { EMPTY_FILTER, filterReports, kindOptions, periodOptions, type ReportListFilter } from '../../../core/report-filter';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

/** "Báo cáo": every report of the organisation, with filters kept in the URL. */
@Component({
  selector: 'tk-reports-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DeadlineComponent,
    StateBadgeComponent,
  ],
  templateUrl: './reports-page.component.html',
})
export class ReportsPageComponent {
  private readonly api = inject(ApiService);
  private readonly live = inject(LiveService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly auth = inject(AuthService);

  protected readonly all = signal<ReportSummary[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly filter = signal<ReportListFilter>(fromQuery(this.route.snapshot.queryParamMap));

  protected readonly units = Object.entries(UNIT_NAMES).map(([code, name]) => ({ code, name }));
  protected readonly states = REPORT_STATES.map((s) => ({ state: s, label: reportStateLabel(s) }));
  protected readonly periods = computed(() => periodOptions(this.all() ?? []));
  protected readonly kinds = computed(() => kindOptions(this.all() ?? []));
  protected readonly shown = computed(() => filterReports(this.all() ?? [], this.filter(), UNIT_NAMES));
  protected readonly canCreate = computed(() => this.auth.hasRole('compiler'));
  /** Reports of organisations my agency follows are listed with their organisation. */
  protected readonly mine = computed(() => this.auth.user()?.organisation.id ?? '');

  constructor() {
    void this.load();
    effect(() => {
      if (this.live.lastChange()) untracked(() => void this.load());
    });
  }

  protected set<K extends keyof ReportListFilter>(key: K, value: ReportListFilter[K]): void {
    this.filter.update((f) => ({ ...f, [key]: value }));
    const f = this.filter();
    const queryParams: Record<string, string | null> = {};
    for (const k of Object.keys(EMPTY_FILTER) as (keyof ReportListFilter)[]) {
      const v = f[k];
      queryParams[k] = v === '' || v === false ? null : String(v);
    }
    void this.router.navigate([], { queryParams, replaceUrl: true });
  }

  protected clear(): void {
    this.filter.set({ ...EMPTY_FILTER });
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
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

function fromQuery(q: { get(name: string): string | null }): ReportListFilter {
  return {
    period: q.get('period') ?? '',
    kind: q.get('kind') ?? '',
    state: q.get('state') ?? '',
    unit: q.get('unit') ?? '',
    overdue: q.get('overdue') === 'true',
    q: q.get('q') ?? '',
    organisation: q.get('organisation') ?? '',
  };
}
