import { Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AdminApi } from '../../../core/admin-api.service';
import { apiMessage } from '../../../core/errors';

/** "000.00.31.H41" (QĐ 20/2020/QĐ-TTg); the API checks it again (contract setAgencyCode). */
export function agencyCodeProblem(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  return /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/.test(t) ? null : 'Mã định danh phải có dạng 000.00.31.H41 (Quyết định 20/2020/QĐ-TTg).';
}

/** The organisation's mã định danh, which edXML envelopes name it by. Empty clears it. */
@Component({
  selector: 'tk-agency-code',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section class="tab" aria-labelledby="agency-title">
      <h2 id="agency-title">Mã định danh điện tử</h2>
      <p class="tk-muted">Dùng trong gói tin edXML (QCVN 102:2016/BTTTT) gửi cơ quan cấp trên, ví dụ 000.00.31.H41.</p>
      <mat-form-field appearance="outline">
        <mat-label>Mã định danh</mat-label>
        <input matInput data-testid="agency-code" [ngModel]="value()" (ngModelChange)="value.set($event)" [placeholder]="code() ?? ''" />
      </mat-form-field>
      <button mat-flat-button type="button" data-testid="agency-code-save" [disabled]="busy()" (click)="save()">Lưu</button>
      @if (error()) {
        <p class="tk-error" role="alert">{{ error() }}</p>
      }
      @if (notice()) {
        <p class="tk-info" role="status">{{ notice() }}</p>
      }
    </section>
  `,
})
export class AgencyCodeComponent {
  private readonly api = inject(AdminApi);
  readonly code = input<string | null>(null);
  readonly saved = output<void>();
  protected readonly value = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);

  async save(): Promise<void> {
    const text = (this.value() || this.code() || '').trim();
    this.notice.set(null);
    this.error.set(agencyCodeProblem(text));
    if (this.error()) return;
    this.busy.set(true);
    try {
      const r = await this.api.setAgencyCode({ agencyCode: text || null });
      this.notice.set(r.agencyCode ? `Đã lưu mã định danh ${r.agencyCode}.` : 'Đã xóa mã định danh.');
      this.saved.emit();
    } catch (err) {
      this.error.set(apiMessage(err, 'Không lưu được mã định danh.'));
    } finally {
      this.busy.set(false);
    }
  }
}
