import { Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ApiService } from '../../../../core/api.service';
import { apiMessage } from '../../../../core/errors';
import { downloadBlob } from '../../../../core/report-filter';

/** "Tải mẫu Excel" (the part's sheet) and "Nhập từ Excel" (a filled sheet becomes the part's new revision). */
@Component({
  selector: 'tk-figures-sheet',
  imports: [MatButtonModule],
  template: `
    <div class="tk-actions sheet">
      <button mat-stroked-button type="button" data-testid="part-sheet" [disabled]="busy()" (click)="download()">Tải mẫu Excel</button>
      @if (canImport()) {
        <button
          mat-stroked-button
          type="button"
          data-testid="import-sheet"
          [disabled]="busy() || !!importBlocked()"
          [attr.title]="importBlocked()"
          (click)="file.click()"
        >
          Nhập từ Excel
        </button>
        <input
          #file
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          (change)="upload(file)"
        />
        @if (importBlocked()) {
          <span class="tk-muted">{{ importBlocked() }}</span>
        }
      }
    </div>
    @if (error()) {
      <p class="tk-error" role="alert" data-testid="sheet-error">{{ error() }}</p>
    }
    @if (notice()) {
      <p class="tk-info" role="status" data-testid="sheet-notice">{{ notice() }}</p>
    }
  `,
  styles: `
    .sheet {
      margin: 4px 0 8px;
    }
  `,
})
export class FiguresSheetComponent {
  private readonly api = inject(ApiService);
  readonly reportId = input.required<string>();
  readonly sectionId = input.required<string>();
  /** File name part: "II.2" → so-lieu-II.2.xlsx. */
  readonly partCode = input('');
  readonly canImport = input(false);
  /** Why importing waits (unsaved changes), or null. */
  readonly importBlocked = input<string | null>(null);
  readonly baseRevisionId = input<string | null>(null);
  /** After a successful import: the page reloads the part. */
  readonly imported = output<string>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected async download(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      downloadBlob(await this.api.partSheet(this.reportId(), this.sectionId()), `so-lieu-${this.partCode() || 'phan'}.xlsx`);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được mẫu Excel.'));
    } finally {
      this.busy.set(false);
    }
  }

  /** Sends the chosen file; a refusal names the cells at fault, and nothing changes. */
  protected async upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    try {
      const base = this.baseRevisionId();
      const res = await this.api.importPartSheet(this.reportId(), this.sectionId(), file, base ? { baseRevisionId: base } : {});
      const n = res.findings.length;
      this.notice.set(
        `Đã nhập số liệu từ "${file.name}" (bản ${res.number}).${n ? ` Có ${n} phát hiện về số liệu, xem bên dưới.` : ' Số liệu khớp.'}`,
      );
      this.imported.emit(res.revisionId);
    } catch (err) {
      this.error.set(`Không nhập được "${file.name}": ${apiMessage(err, 'tệp không đọc được.')}`);
    } finally {
      this.busy.set(false);
    }
  }
}
