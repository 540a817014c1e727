import { Component, effect, inject, input, signal, untracked } from '@angular/core';
import type { ReportSignatures } from '@trinhky/contracts';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';

type SignatureView = ReportSignatures['signatures'][number];

const STATUS: Record<SignatureView['status'], string> = {
  valid: 'Hợp lệ',
  broken: 'Không còn hợp lệ',
  untrusted: 'Chứng thư không được tin cậy',
  expired: 'Chứng thư hết hạn',
};

/** "05/01/2026 09:00:00 +07:00": a signing time in Vietnam's time zone, whatever the browser's. */
export function vietnamTime(iso: string | null): string {
  if (!iso) return '—';
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)} +07:00`;
}

/** The summary line: every signature valid, or which one broke. */
export function signaturesSummary(v: ReportSignatures): string {
  if (!v.kind) return 'Báo cáo chưa có bản PDF đã ký.';
  const broken = v.signatures.filter((s) => s.status === 'broken');
  if (broken.length)
    return `Tệp đã bị thay đổi sau khi ký: ${broken.map((s) => `chữ ký số thứ ${s.index} (${s.signer.commonName})`).join(', ')} không còn hợp lệ.`;
  if (v.valid) return `Tất cả ${v.signatures.length} chữ ký số hợp lệ, chứng thư thuộc danh sách tin cậy.`;
  return 'Có chữ ký số chưa được xác nhận — xem chi tiết từng chữ ký.';
}

/** The frozen PDF's signatures as the API verifies them (GET /api/reports/:id/signatures). */
@Component({
  selector: 'tk-signatures-panel',
  template: `
    <section class="tk-card" aria-labelledby="signatures-title" data-testid="signatures-panel">
      <h2 id="signatures-title" class="small-title">Chữ ký số</h2>
      @if (error()) {
        <p class="tk-error" role="alert">{{ error() }}</p>
      } @else if (data(); as v) {
        <p [class.tk-error]="!v.valid && !!v.kind" [class.tk-muted]="!v.kind" data-testid="signatures-summary">{{ summary(v) }}</p>
        @for (s of v.signatures; track s.index) {
          <dl class="tk-facts sig" [attr.data-status]="s.status" data-testid="signature">
            <dt>Chữ ký {{ s.index }}</dt>
            <dd>
              <strong>{{ s.signer.commonName }}</strong>
              @if (s.signer.title) {
                — {{ s.signer.title }}
              }
              @if (s.signer.organisation && s.signer.organisation !== s.signer.commonName) {
                , {{ s.signer.organisation }}
              }
            </dd>
            <dt>Trạng thái</dt>
            <dd data-testid="signature-status">{{ status[s.status] }} — {{ s.message }}</dd>
            <dt>Chuỗi chứng thư</dt>
            <dd>{{ s.chain.join(' → ') }} {{ s.trusted ? '(tin cậy)' : '(không thuộc danh sách tin cậy)' }}</dd>
            <dt>Thời điểm ký</dt>
            <dd>{{ time(s.signingTime) }}</dd>
            <dt>Phạm vi</dt>
            <dd>{{ s.coversWholeFile ? 'Toàn bộ tệp' : 'Một phiên bản trước của tệp (có cập nhật gia tăng sau đó)' }}</dd>
            <dt>Toàn vẹn</dt>
            <dd>{{ s.intact ? 'Nguyên vẹn kể từ khi ký' : 'Đã bị thay đổi sau khi ký' }}</dd>
          </dl>
        }
      } @else {
        <p class="tk-muted" role="status">Đang kiểm tra chữ ký số…</p>
      }
    </section>
  `,
  styles: `
    .sig {
      border-top: 1px solid #e3e7ee;
      padding-top: 8px;
      margin-top: 8px;
    }
    .sig[data-status='broken'] strong {
      color: #b3261e;
    }
  `,
})
export class SignaturesPanelComponent {
  private readonly api = inject(ApiService);
  readonly reportId = input.required<string>();
  /** Re-verifies when the report changes (a signature, an issue). */
  readonly version = input<number>(0);

  protected readonly data = signal<ReportSignatures | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly status = STATUS;
  protected readonly summary = signaturesSummary;
  protected readonly time = vietnamTime;

  constructor() {
    effect(() => {
      const id = this.reportId();
      this.version();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.error.set(null);
      this.data.set(await this.api.signatures(id));
    } catch (err) {
      this.error.set(apiMessage(err));
    }
  }
}
