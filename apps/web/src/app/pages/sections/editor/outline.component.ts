import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** The outline a part is expected to cover (the template's sub-headings), so a drafter never starts from a blank page. */
@Component({
  selector: 'tk-part-outline',
  imports: [MatButtonModule],
  template: `
    <details class="outline" data-testid="part-outline" [open]="empty()">
      <summary>Dàn ý phần này cần có ({{ items().length }} mục)</summary>
      <ol type="a">
        @for (item of items(); track item) {
          <li>{{ item }}</li>
        }
      </ol>
      @if (canInsert() && empty()) {
        <button mat-stroked-button type="button" data-testid="insert-outline" (click)="insert.emit(items())">Bắt đầu soạn từ dàn ý</button>
      }
    </details>
  `,
  styles: `
    .outline {
      background: #fff;
      border: 1px solid #c9ced6;
      border-radius: 4px;
      padding: 6px 12px;
      margin: 8px 0 12px;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    ol {
      margin: 6px 0;
    }
  `,
})
export class PartOutlineComponent {
  readonly items = input.required<string[]>();
  /** The part has no content yet. */
  readonly empty = input(false);
  readonly canInsert = input(false);
  readonly insert = output<string[]>();
}
