import { Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { ApiService } from '../../../core/api.service';
import { AuthService } from '../../../core/auth.service';
import { daysLeft } from '../../../core/format';
import { LiveService } from '../../../core/live.service';
import type { InboxItem, ReportSummary } from '@trinhky/contracts';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

/** "Việc của tôi": what waits for my action, most urgent first; live through the SSE stream. */
@Component({
  selector: 'tk-inbox-page',
  imports: [RouterLink, MatButtonModule, MatSlideToggleModule, DeadlineComponent, StateBadgeComponent],
  templateUrl: './inbox-page.component.html',
  styleUrl: './inbox-page.component.scss',
})
export class InboxPageComponent {
  private readonly api = inject(ApiService);
  protected readonly live = inject(LiveService);
  protected readonly auth = inject(AuthService);

  protected readonly onlyOverdue = signal(false);
  protected readonly fallback = signal<ReportSummary[] | null>(null);

  protected readonly items = computed(() => {
    const all = [...(this.live.inbox() ?? [])].sort(byUrgency);
    return this.onlyOverdue() ? all.filter((i) => i.overdue) : all;
  });
  protected readonly overdueCount = computed(() => (this.live.inbox() ?? []).filter((i) => i.overdue).length);
  protected readonly dueSoonCount = computed(
    () => (this.live.inbox() ?? []).filter((i) => !i.overdue && i.deadline && daysLeft(i.deadline.slice(0, 10)) <= 3).length,
  );
  protected readonly canCreate = computed(() => this.auth.hasRole('compiler'));

  constructor() {
    void this.live.reloadInbox();
    effect(() => {
      if (this.live.inboxError() && !this.fallback()) void this.loadFallback();
    });
  }

  private async loadFallback(): Promise<void> {
    try {
      this.fallback.set(await this.api.reports());
    } catch {
      this.fallback.set([]);
    }
  }
}

export function byUrgency(a: InboxItem, b: InboxItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
}
