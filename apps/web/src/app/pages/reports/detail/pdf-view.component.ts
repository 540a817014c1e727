import { Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';

/** Fetches the report's PDF with the bearer token and shows it from an object URL. */
@Component({
  selector: 'tk-pdf-view',
  imports: [MatButtonModule],
  template: `
    <div class="tk-actions bar">
      <button mat-stroked-button type="button" (click)="load()" [disabled]="loading()">Tải lại bản xem</button>
      @if (url(); as u) {
        <a mat-flat-button [href]="u" [attr.download]="fileName() + '.pdf'" data-testid="pdf-download">Tải PDF</a>
        <a mat-button [href]="u" target="_blank" rel="noopener">Mở trong thẻ mới</a>
        <span class="tk-muted">{{ sizeText() }}</span>
      }
    </div>
    @if (error()) {
      <p class="tk-error" role="alert">{{ error() }}</p>
    }
    @if (loading()) {
      <p class="tk-muted" role="status">Đang dựng bản PDF…</p>
    }
    @if (safeUrl(); as s) {
      <iframe class="frame" [src]="s" title="Bản xem trước PDF của báo cáo"></iframe>
    }
  `,
  styles: `
    .bar {
      margin: 12px 0;
    }
    .frame {
      width: 100%;
      height: 75vh;
      min-height: 480px;
      border: 1px solid #d9dee5;
      border-radius: 6px;
      background: #fff;
    }
  `,
})
export class PdfViewComponent {
  private readonly api = inject(ApiService);
  private readonly sanitizer = inject(DomSanitizer);

  readonly reportId = input.required<string>();
  /** Reloads the preview when the report changes. */
  readonly version = input<number>(0);
  readonly fileName = input('bao-cao');

  protected readonly url = signal<string | null>(null);
  protected readonly safeUrl = signal<SafeResourceUrl | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sizeText = signal('');

  constructor() {
    effect(() => {
      this.reportId();
      this.version();
      untracked(() => void this.load());
    });
    inject(DestroyRef).onDestroy(() => this.revoke());
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const blob = await this.api.pdf(this.reportId());
      const pdf = blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' });
      this.revoke();
      const url = URL.createObjectURL(pdf);
      this.url.set(url);
      this.safeUrl.set(this.sanitizer.bypassSecurityTrustResourceUrl(url));
      this.sizeText.set(`${Math.max(1, Math.round(pdf.size / 1024)).toLocaleString('vi-VN')} KB`);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được bản PDF.'));
    } finally {
      this.loading.set(false);
    }
  }

  private revoke(): void {
    const u = this.url();
    if (u) URL.revokeObjectURL(u);
    this.url.set(null);
    this.safeUrl.set(null);
  }
}
