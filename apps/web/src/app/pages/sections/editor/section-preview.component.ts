import { NgTemplateOutlet } from '@angular/common';
import { Component, input } from '@angular/core';
import type { Block } from '@trinhky/domain';

/** Read-only rendering of section content (for reviewers and after submission); text only, never HTML. */
@Component({
  selector: 'tk-section-preview',
  template: `
    <ng-template #list let-blocks>
      @for (b of blocks; track $index) {
        @switch (b.type) {
          @case ('heading') {
            <div class="heading" [class]="'heading ' + b.level" role="heading" [attr.aria-level]="level(b.level)">
              @if (b.label) {
                <span>{{ b.label }} </span>
              }
              @for (r of b.runs; track $index) {
                <span [class.b]="r.bold" [class.i]="r.italic">{{ r.text }}</span>
              }
            </div>
            <ng-container *ngTemplateOutlet="list; context: { $implicit: b.children }" />
          }
          @case ('paragraph') {
            <p>
              @for (r of b.runs; track $index) {
                <span [class.b]="r.bold" [class.i]="r.italic">{{ r.text }}</span>
                @if (r.footnote) {
                  <sup [attr.title]="r.footnote">*</sup>
                }
              }
            </p>
          }
          @case ('bullet') {
            <p class="bullet" [class.sub]="b.marker === '+'">
              <span aria-hidden="true">{{ b.marker }} </span>
              @for (r of b.runs; track $index) {
                <span [class.b]="r.bold" [class.i]="r.italic">{{ r.text }}</span>
              }
            </p>
          }
          @case ('table') {
            <div class="table-wrap">
              <table>
                <thead>
                  @for (row of b.header; track $index) {
                    <tr>
                      @for (c of row; track $index) {
                        <th scope="col" [attr.colspan]="c.colSpan ?? null" [attr.rowspan]="c.rowSpan ?? null">{{ c.text }}</th>
                      }
                    </tr>
                  }
                </thead>
                <tbody>
                  @for (row of b.rows; track $index) {
                    <tr>
                      @for (c of row; track $index) {
                        <td
                          [attr.colspan]="c.colSpan ?? null"
                          [attr.rowspan]="c.rowSpan ?? null"
                          [class.b]="c.bold"
                          [class.i]="c.italic"
                          [style.text-align]="c.align ?? null"
                        >
                          {{ c.text }}
                        </td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            @for (l of b.legend ?? []; track $index) {
              <p class="legend">{{ l }}</p>
            }
          }
        }
      } @empty {
        <p class="tk-muted">Chưa có nội dung.</p>
      }
    </ng-template>
    <article class="paper" aria-label="Nội dung phần báo cáo (chỉ xem)">
      <ng-container *ngTemplateOutlet="list; context: { $implicit: blocks() }" />
    </article>
  `,
  imports: [NgTemplateOutlet],
  styles: `
    .paper {
      background: #fff;
      border: 1px solid #d9dee5;
      border-radius: 6px;
      padding: 16px 28px;
      font-family: 'Times New Roman', Tinos, 'Liberation Serif', serif;
      font-size: 1.1rem;
      line-height: 1.5;
      text-align: justify;
    }
    p {
      margin: 0 0 8px;
      text-indent: 1.1cm;
    }
    .bullet {
      text-indent: 0;
      padding-left: 1.1cm;
    }
    .bullet.sub {
      padding-left: 1.8cm;
    }
    .heading {
      font-weight: 700;
      margin: 10px 0 6px;
      text-indent: 1.1cm;
    }
    .heading.section,
    .heading.part {
      text-transform: uppercase;
      text-indent: 0;
    }
    .heading.point {
      font-weight: 400;
    }
    .b {
      font-weight: 700;
    }
    .i {
      font-style: italic;
    }
    .table-wrap {
      overflow-x: auto;
      margin: 6px 0 10px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.95rem;
    }
    th,
    td {
      border: 1px solid #555;
      padding: 4px 6px;
      vertical-align: top;
    }
    th {
      font-weight: 700;
      text-align: center;
    }
    .legend {
      font-style: italic;
      text-indent: 0;
      font-size: 0.95rem;
    }
  `,
})
export class SectionPreviewComponent {
  readonly blocks = input.required<Block[]>();

  protected level(l: string): number {
    return { part: 2, section: 3, item: 4, subitem: 5, point: 6 }[l] ?? 4;
  }
}
