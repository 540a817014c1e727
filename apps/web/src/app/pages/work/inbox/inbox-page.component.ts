import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import type { InboxItem, InboxPage, InboxRequest, ReportSummary } from '@trinhky/contracts';
import { ApiService } from '../../../core/api.service';
import { ProvinceApi } from '../../../core/province-api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage, errorBody } from '../../../core/errors';
import { formatDate } from '../../../core/format';
import { LiveService } from '../../../core/live.service';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

const PAGE = 50;

/** "Việc của tôi": what waits for my action, most urgent first, one page at a time; live through the SSE stream. */
@Component({
  selector: 'tk-inbox-page',
  imports: [RouterLink, MatButtonModule, MatSlideToggleModule, DeadlineComponent, StateBadgeComponent],
  templateUrl: './inbox-page.component.html',
  styleUrl: './inbox-page.component.scss',
})
export class InboxPageComponent {
  private readonly api = inject(ApiService);
  private readonly province = inject(ProvinceApi);
  private readonly router = inject(Router);
  protected readonly live = inject(LiveService);
  protected readonly auth = inject(AuthService);
  protected readonly formatDate = formatDate;

  protected readonly onlyOverdue = signal(false);
  protected readonly offset = signal(0);
  protected readonly page = signal<InboxPage | null>(null);
  protected readonly failed = signal(false);
  protected readonly fallback = signal<ReportSummary[] | null>(null);
  protected readonly opening = signal<string | null>(null);
  protected readonly openError = signal<string | null>(null);

  protected readonly items = computed<InboxItem[]>(() => this.page()?.items ?? []);
  protected readonly requests = computed<InboxRequest[]>(() => this.page()?.requests ?? []);
  protected readonly canCreate = computed(() => this.auth.hasRole('compiler'));
  protected readonly lastIndex = computed(() => {
    const p = this.page();
    return p ? Math.min(p.offset + p.limit, p.total) : 0;
  });

  constructor() {
    // Reload on pushed changes (at most once a second: LiveService.listChanged) and whenever the filter or the page changes.
    effect(() => {
      this.live.listChanged();
      this.onlyOverdue();
      this.offset();
      untracked(() => void this.load());
    });
    effect(() => {
      if (this.failed() && !this.fallback()) void this.loadFallback();
    });
  }

  protected setOverdue(on: boolean): void {
    this.offset.set(0);
    this.onlyOverdue.set(on);
  }

  protected move(by: number): void {
    this.offset.set(Math.max(0, this.offset() + by * PAGE));
  }

  /** "Mở báo cáo": opens the report from the request (basis, Kính gửi, deadline from it), then goes to it. */
  protected async open(r: InboxRequest): Promise<void> {
    this.opening.set(r.requestId);
    this.openError.set(null);
    try {
      const report = await this.province.openFromRequest(r.requestId);
      void this.live.reloadInbox();
      await this.router.navigate(['/bao-cao', report.id]);
    } catch (e) {
      const existing = (errorBody(e) as { reportId?: string } | null)?.reportId;
      if (existing) await this.router.navigate(['/bao-cao', existing]);
      else this.openError.set(apiMessage(e));
    } finally {
      this.opening.set(null);
    }
  }

  private async load(): Promise<void> {
    try {
      this.page.set(await this.api.inbox({ overdue: this.onlyOverdue() ? 'true' : undefined, limit: PAGE, offset: this.offset() }));
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    }
  }

  private async loadFallback(): Promise<void> {
    try {
      this.fallback.set((await this.api.reports({ limit: 50 })).items);
    } catch {
      this.fallback.set([]);
    }
  }
}
