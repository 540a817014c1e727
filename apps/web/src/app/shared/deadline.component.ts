import { Component, computed, input } from '@angular/core';
import { deadlineText, formatDate } from '../core/format';

/** "20/10/2025 (còn 3 ngày)", red when overdue. */
@Component({
  selector: 'tk-deadline',
  template: `@if (date()) {
      <span [class.tk-overdue]="late()">{{ formatted() }}</span>
      @if (showRelative() && relative()) {
        <span class="rel" [class.tk-overdue]="late()" [class.tk-muted]="!late()"> ({{ relative() }})</span>
      }
    } @else {
      <span class="tk-muted">—</span>
    }`,
  styles: `
    .rel {
      font-size: 0.85em;
      white-space: nowrap;
    }
  `,
})
export class DeadlineComponent {
  readonly date = input<string | null | undefined>(null);
  readonly overdue = input(false);
  readonly done = input(false);
  readonly showRelative = input(true);
  protected readonly formatted = computed(() => formatDate(this.date()));
  protected readonly relative = computed(() => (this.done() ? '' : deadlineText(this.date())));
  protected readonly late = computed(() => !this.done() && (this.overdue() || this.relative().startsWith('quá hạn')));
}
