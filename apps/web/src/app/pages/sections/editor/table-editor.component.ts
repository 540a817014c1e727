import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { TableBlock } from '@trinhky/domain';
import { addColumn, addRow, cloneTable, removeColumn, removeRow } from './editor-model';

/** A grid of text inputs over a table block (header rows in bold). */
@Component({
  selector: 'tk-table-editor',
  imports: [MatButtonModule],
  template: `
    <div class="wrap">
      <table class="grid" [attr.aria-label]="label()">
        <thead>
          @for (row of table().header; track ri; let ri = $index) {
            <tr>
              @for (cell of row; track ci; let ci = $index) {
                <th [attr.colspan]="cell.colSpan ?? null" [attr.rowspan]="cell.rowSpan ?? null">
                  <input
                    [value]="cell.text"
                    [readOnly]="readonly()"
                    [attr.aria-label]="'Tiêu đề cột ' + (ci + 1) + ', hàng tiêu đề ' + (ri + 1)"
                    (input)="setCell('header', ri, ci, $any($event.target).value)"
                  />
                </th>
              }
            </tr>
          }
        </thead>
        <tbody>
          @for (row of table().rows; track ri; let ri = $index) {
            <tr>
              @for (cell of row; track ci; let ci = $index) {
                <td [attr.colspan]="cell.colSpan ?? null" [attr.rowspan]="cell.rowSpan ?? null">
                  <input
                    [value]="cell.text"
                    [readOnly]="readonly()"
                    [class.right]="cell.align === 'right'"
                    [attr.aria-label]="'Hàng ' + (ri + 1) + ', cột ' + (ci + 1)"
                    (input)="setCell('rows', ri, ci, $any($event.target).value)"
                  />
                </td>
              }
              @if (!readonly()) {
                <td class="ops">
                  <button mat-button type="button" (click)="apply(removeRow(table(), ri))" [attr.aria-label]="'Xóa hàng ' + (ri + 1)">
                    Xóa hàng
                  </button>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (!readonly()) {
      <div class="tk-actions">
        <button mat-stroked-button type="button" (click)="apply(addRow(table()))">+ Hàng</button>
        <button mat-stroked-button type="button" (click)="apply(addColumn(table()))">+ Cột</button>
        <button mat-button type="button" (click)="apply(removeColumn(table()))">− Cột cuối</button>
      </div>
    }
  `,
  styles: `
    .wrap {
      overflow-x: auto;
      margin-bottom: 6px;
    }
    .grid {
      border-collapse: collapse;
      min-width: 100%;
    }
    th,
    td {
      border: 1px solid #b9c2cc;
      padding: 0;
    }
    th input {
      font-weight: 700;
      background: #eef2f7;
    }
    input {
      width: 100%;
      min-width: 70px;
      box-sizing: border-box;
      border: 0;
      padding: 6px;
      font: inherit;
      background: transparent;
    }
    input.right {
      text-align: right;
    }
    td.ops {
      border: 0;
      padding-left: 4px;
      white-space: nowrap;
    }
  `,
})
export class TableEditorComponent {
  readonly table = input.required<TableBlock>();
  readonly readonly = input(false);
  readonly label = input('Bảng');
  readonly changed = output<TableBlock>();

  protected readonly addRow = addRow;
  protected readonly removeRow = removeRow;
  protected readonly addColumn = addColumn;
  protected readonly removeColumn = removeColumn;

  protected setCell(part: 'header' | 'rows', r: number, c: number, text: string): void {
    const t = cloneTable(this.table());
    t[part][r][c].text = text.normalize('NFC');
    this.changed.emit(t);
  }

  protected apply(t: TableBlock): void {
    this.changed.emit(t);
  }
}
