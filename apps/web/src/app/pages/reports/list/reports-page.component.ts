import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { COMMUNE_UNIT_CODES, standardUnitName } from '@trinhky/domain';
import { OrganisationApi } from '../../../core/organisation-api.service';
import { ApiService } from '../../../core/api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage } from '../../../core/errors';
import { REPORT_STATES, reportStateLabel } from '../../../core/labels';
import { LiveService } from '../../../core/live.service';
import type { ReportPage } from '@trinhky/contracts';
import { EMPTY_FILTER, kindOptions, listQuery, recentPeriodOptions, type ReportListFilter } from '../../../core/report-filter';
import { UrlListState } from '../../../core/url-list-state';
import { PagerComponent } from '../../../shared/pager.component';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

/** "Báo cáo": the organisation's reports a page at a time, filtered by the API (filters and page kept in the URL). */
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
    PagerComponent,
    StateBadgeComponent,
  ],
  templateUrl: './reports-page.component.html',
})
export class ReportsPageComponent {
  private readonly api = inject(ApiService);
  private readonly live = inject(LiveService);
  protected readonly auth = inject(AuthService);

  protected readonly page = signal<ReportPage | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly list = new UrlListState<ReportListFilter>(EMPTY_FILTER, () => void this.load());
  protected readonly filter = this.list.filter;
  protected readonly offset = this.list.offset;
  protected readonly limit = PAGE;

  /** The unit filter: the organisation's own units (a Sở's), the commune's standard four until they load. */
  protected readonly units = signal(COMMUNE_UNIT_CODES.map((code) => ({ code: code as string, name: standardUnitName(code) })));
  protected readonly states = REPORT_STATES.map((s) => ({ state: s, label: reportStateLabel(s) }));
  protected readonly periods = recentPeriodOptions();
  protected readonly kinds = computed(() =>
    [...new Set([...kindOptions(this.page()?.items ?? []), 'CCHC', this.filter().kind].filter(Boolean))].sort(),
  );
  protected readonly shown = computed(() => this.page()?.items ?? []);
  protected readonly canCreate = computed(() => this.auth.hasRole('compiler'));
  /** Reports of organisations my agency follows are listed with their organisation. */
  protected readonly mine = computed(() => this.auth.user()?.organisation.id ?? '');

  constructor() {
    inject(OrganisationApi)
      .units()
      .then(
        (u) => {
          if (u.units.length) this.units.set(u.units);
        },
        () => undefined,
      );
    void this.load();
    effect(() => {
      if (this.live.listChanged()) untracked(() => void this.load());
    });
  }

  private async load(): Promise<void> {
    const newest = this.list.begin();
    try {
      const page = await this.api.reports({ ...listQuery(this.filter()), limit: PAGE, offset: this.offset() });
      if (!newest()) return; // a newer filter's answer wins
      this.page.set(page);
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được danh sách báo cáo.'));
    }
  }
}

const PAGE = 50;
