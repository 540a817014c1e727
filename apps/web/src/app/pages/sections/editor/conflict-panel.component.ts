import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { blocksText } from '@trinhky/domain';
import { formatDateTime } from '../../../core/format';
import type { SaveConflict } from '@trinhky/contracts';
import type { SectionContent } from '@trinhky/domain';
import { RevisionDiffComponent } from './revision-diff.component';

export type ConflictChoice = 'theirs' | 'mine' | 'merge';

/** Someone saved the section while I was editing: show both versions and let me choose or merge. */
@Component({
  selector: 'tk-conflict-panel',
  imports: [MatButtonModule, RevisionDiffComponent],
  template: `
    <section class="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Có người khác vừa lưu phần này</h2>
      <p>
        {{ message() }} Bản của <strong>{{ authorName() }}</strong> lưu lúc {{ when() }}. Bản của bạn chưa được lưu. Hãy xem hai bản rồi
        chọn cách xử lý.
      </p>
      <div class="both">
        <div>
          <h3>Bản của bạn (chưa lưu)</h3>
          <div class="text">
            @for (line of mineText(); track $index) {
              <p>{{ line }}</p>
            }
          </div>
        </div>
        <div>
          <h3>Bản vừa được lưu</h3>
          <div class="text">
            @for (line of theirsText(); track $index) {
              <p>{{ line }}</p>
            }
          </div>
        </div>
      </div>
      <details>
        <summary>Khác biệt giữa hai bản</summary>
        <tk-revision-diff [before]="conflict().current.content" [after]="mine()" beforeLabel="Bản vừa được lưu" afterLabel="Bản của bạn" />
      </details>
      <div class="tk-actions">
        <button mat-flat-button type="button" data-testid="conflict-merge" (click)="choose.emit('merge')">Gộp hai bản rồi sửa tiếp</button>
        <button mat-stroked-button type="button" (click)="choose.emit('mine')">Giữ bản của tôi (ghi đè)</button>
        <button mat-stroked-button type="button" (click)="choose.emit('theirs')">Dùng bản vừa được lưu</button>
      </div>
    </section>
  `,
  styles: `
    .conflict {
      border: 2px solid #c77700;
      background: #fff8e6;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    h2 {
      margin-top: 0 !important;
    }
    .both {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
    @media (max-width: 800px) {
      .both {
        grid-template-columns: 1fr;
      }
    }
    .text {
      background: #fff;
      border: 1px solid #e0d2b0;
      border-radius: 6px;
      padding: 4px 10px;
      max-height: 280px;
      overflow: auto;
      font-family: 'Times New Roman', Tinos, serif;
    }
    .text p {
      margin: 4px 0;
    }
    h3 {
      font-size: 0.95rem;
      margin: 8px 0 4px;
    }
  `,
})
export class ConflictPanelComponent {
  readonly conflict = input.required<SaveConflict>();
  readonly mine = input.required<SectionContent>();
  readonly choose = output<ConflictChoice>();

  protected readonly message = computed(() => this.conflict().message);
  protected readonly when = computed(() => formatDateTime(this.conflict().current.createdAt));
  protected readonly authorName = computed(() => this.conflict().current.author ?? 'người khác');
  protected readonly mineText = computed(() => blocksText(this.mine().blocks));
  protected readonly theirsText = computed(() => blocksText(this.conflict().current.content.blocks));
}
