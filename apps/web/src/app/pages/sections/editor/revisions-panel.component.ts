import { Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { RevisionInfo } from '@trinhky/contracts';
import type { SectionContent } from '@trinhky/domain';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';
import { formatDateTime } from '../../../core/format';
import { RevisionDiffComponent } from './revision-diff.component';

/** The part's revisions, newest first, and a comparison of the content being written with one of them. */
@Component({
  selector: 'tk-revisions-panel',
  imports: [FormsModule, RevisionDiffComponent],
  template: `
    <h2 id="rev-title">Phiên bản</h2>
    @if (sorted().length) {
      <ol class="revs">
        @for (rev of sorted(); track rev.id; let first = $first) {
          <li>
            Bản {{ rev.number }}: {{ formatDateTime(rev.createdAt) }} — {{ rev.author ?? '—' }}
            @if (first) {
              <span class="tk-muted">(hiện tại)</span>
            }
          </li>
        }
      </ol>
      <label for="compare">So sánh nội dung đang soạn với:</label>
      <select id="compare" [ngModel]="compareWith()" (ngModelChange)="compare($event)">
        <option value="">— chọn phiên bản —</option>
        @for (rev of sorted(); track rev.id) {
          <option [value]="rev.id">Bản {{ rev.number }} — {{ formatDateTime(rev.createdAt) }} — {{ rev.author ?? '—' }}</option>
        }
      </select>
      @if (error()) {
        <p class="tk-error" role="alert">{{ error() }}</p>
      }
      @if (compareContent(); as old) {
        <tk-revision-diff [before]="old" [after]="content()" beforeLabel="Phiên bản đã chọn" afterLabel="Nội dung đang soạn" />
      }
    } @else {
      <p class="tk-muted">Chưa có phiên bản nào.</p>
    }
  `,
  styles: `
    h2 {
      margin-top: 0 !important;
    }
    select {
      width: 100%;
      font: inherit;
      padding: 4px;
      margin: 4px 0 8px;
    }
    .revs {
      padding-left: 18px;
      font-size: 0.88rem;
      max-height: 200px;
      overflow: auto;
    }
  `,
})
export class RevisionsPanelComponent {
  private readonly api = inject(ApiService);
  readonly reportId = input.required<string>();
  readonly sectionId = input.required<string>();
  readonly revisions = input.required<RevisionInfo[]>();
  /** The content being written. */
  readonly content = input.required<SectionContent>();

  protected readonly sorted = computed(() =>
    [...this.revisions()].sort((a, b) => b.number - a.number || b.createdAt.localeCompare(a.createdAt)),
  );
  protected readonly compareWith = signal('');
  protected readonly compareContent = signal<SectionContent | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly formatDateTime = formatDateTime;

  protected async compare(revisionId: string): Promise<void> {
    this.compareWith.set(revisionId);
    this.compareContent.set(null);
    this.error.set(null);
    if (!revisionId) return;
    try {
      this.compareContent.set((await this.api.revision(this.reportId(), this.sectionId(), revisionId)).content);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được phiên bản.'));
    }
  }
}
