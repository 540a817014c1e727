import { Component, computed, input } from '@angular/core';
import { blocksText } from '@trinhky/domain';
import type { SectionContent } from '@trinhky/domain';
import { diffLines, diffStats } from './diff';

/** Line-by-line differences between two versions of a section. */
@Component({
  selector: 'tk-revision-diff',
  template: `
    <p class="tk-muted" role="status">
      {{ beforeLabel() }} → {{ afterLabel() }}: thêm {{ stats().added }} dòng, bỏ {{ stats().removed }} dòng.
    </p>
    <ol class="diff" [attr.aria-label]="'So sánh ' + beforeLabel() + ' với ' + afterLabel()">
      @for (l of lines(); track $index) {
        <li [class]="l.op">
          <span class="op" aria-hidden="true">{{ l.op === 'add' ? '+' : l.op === 'del' ? '−' : ' ' }}</span>
          <span class="tk-sr-only">{{ l.op === 'add' ? 'Thêm:' : l.op === 'del' ? 'Bỏ:' : '' }}</span>
          {{ l.text }}
        </li>
      } @empty {
        <li class="same tk-muted">Hai phiên bản đều trống.</li>
      }
    </ol>
  `,
  styles: `
    .diff {
      list-style: none;
      padding: 0;
      margin: 0;
      font-family: 'Times New Roman', Tinos, serif;
      font-size: 1rem;
      border: 1px solid #d9dee5;
      border-radius: 6px;
      background: #fff;
      max-height: 420px;
      overflow: auto;
    }
    li {
      padding: 2px 8px;
      white-space: pre-wrap;
    }
    .op {
      display: inline-block;
      width: 1.2em;
      font-weight: 700;
    }
    .add {
      background: #e3f5e8;
      color: #0f4d23;
    }
    .del {
      background: #fde7e5;
      color: #7d1a12;
      text-decoration: line-through;
    }
  `,
})
export class RevisionDiffComponent {
  readonly before = input.required<SectionContent>();
  readonly after = input.required<SectionContent>();
  readonly beforeLabel = input('Bản trước');
  readonly afterLabel = input('Bản sau');

  protected readonly lines = computed(() => diffLines(blocksText(this.before().blocks), blocksText(this.after().blocks)));
  protected readonly stats = computed(() => diffStats(this.lines()));
}
