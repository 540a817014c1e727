import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/auth.guard';
import { ConflictWithState, UnprocessableError } from '../common/http-errors';
import { ReportsService } from '../reports/reports.service';
import { PdfService } from './pdf.service';

/**
 * "What the signer confirms is what is signed": a `sign` event names the SHA-256 of the preview the
 * signer read (X-Document-Sha256 of GET …/pdf). It is refused — before anything is written — when
 * the hash is missing (422) or no longer that of the report as it stands (409).
 */
@Injectable()
export class PreviewBinding {
  constructor(
    private readonly reports: ReportsService,
    private readonly pdf: PdfService,
  ) {}

  async check(p: Principal, reportId: string, documentSha256: string | undefined): Promise<void> {
    const report = await this.reports.load(p, reportId);
    if (report.state !== 'awaiting_signature') return; // the workflow answers why `sign` is not possible now
    // Nor is the hash asked of someone who may not sign: the workflow answers them (403).
    if (!(await this.reports.detail(p, reportId)).allowedEvents.some((e) => e.type === 'sign')) return;
    if (!documentSha256)
      throw new UnprocessableError('Thiếu mã SHA-256 của bản PDF đã xem (documentSha256): hãy mở bản PDF xem trước rồi ký.');
    if (!(await this.pdf.confirmedPreview(report, documentSha256)))
      throw new ConflictWithState(
        'Bản PDF bạn đã xem không còn là bản sẽ được ký: báo cáo đã thay đổi sau khi bạn xem. Hãy xem lại bản PDF rồi ký.',
        { state: report.state, version: report.version },
      );
  }
}
