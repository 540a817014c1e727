import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** "1–50 / 2.139" with previous/next: every paged list (the API's `{ total, limit, offset }`). */
@Component({
  selector: 'tk-pager',
  imports: [MatButtonModule],
  template: `@if (total() > limit()) {
    <nav class="pager" aria-label="Phân trang" data-testid="pager">
      <button mat-button type="button" [disabled]="offset() === 0" (click)="go(-1)">Trang trước</button>
      <span role="status">{{ from() }}–{{ to() }} / {{ totalText() }}</span>
      <button mat-button type="button" [disabled]="to() >= total()" (click)="go(1)">Trang sau</button>
    </nav>
  }`,
  styles: `
    .pager {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 8px 0;
    }
  `,
})
export class PagerComponent {
  readonly total = input(0);
  readonly limit = input(50);
  readonly offset = input(0);
  readonly offsetChange = output<number>();
  protected readonly from = computed(() => (this.total() ? this.offset() + 1 : 0).toLocaleString('vi-VN'));
  protected readonly to = computed(() => Math.min(this.offset() + this.limit(), this.total()));
  protected readonly totalText = computed(() => this.total().toLocaleString('vi-VN'));

  protected go(by: number): void {
    this.offsetChange.emit(Math.max(0, this.offset() + by * this.limit()));
  }
}
