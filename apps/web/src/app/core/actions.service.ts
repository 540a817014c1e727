import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { CommentDialogComponent, type CommentDialogData } from '../shared/comment-dialog.component';
import { ApiService } from './api.service';
import { apiMessage, httpStatus } from './errors';
import type { AllowedEventDto, EventResult } from '@trinhky/contracts';

export type ActionOutcome =
  | { kind: 'done'; result: EventResult }
  | { kind: 'cancelled' }
  /** 409: someone else changed the report; the caller reloads. */
  | { kind: 'stale'; message: string }
  /** 403/422/other: nothing changed. */
  | { kind: 'refused'; message: string };

export interface ActionContext {
  reportId: string;
  version: number;
  /** Section title, for the dialog. */
  sectionTitle?: string;
  /** The signature block to confirm when signing. */
  signatureLines?: string[];
  /** Signing: the SHA-256 of the PDF the signer previewed (the API signs exactly those bytes). */
  documentSha256?: string;
}

/** Sends one of the API's allowed events, with a comment dialog when the event needs one. */
@Injectable({ providedIn: 'root' })
export class ActionsService {
  private readonly api = inject(ApiService);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);

  /** Events that deserve a confirmation even without a required comment. */
  private static readonly CONFIRM = new Set([
    'submit_section',
    'sign',
    'issue',
    'dispatch',
    'acknowledge',
    'cancel',
    'send_for_signature',
    'approve_format',
  ]);

  async run(event: AllowedEventDto, ctx: ActionContext): Promise<ActionOutcome> {
    let comment: string | undefined;
    if (event.commentRequired || ActionsService.CONFIRM.has(event.type)) {
      const data: CommentDialogData = {
        title: ctx.sectionTitle ? `${event.label}: ${ctx.sectionTitle}` : event.label,
        description: describe(event),
        commentRequired: event.commentRequired,
        confirmLabel: event.label,
        details: event.type === 'sign' ? ctx.signatureLines : undefined,
      };
      const ref = this.dialog.open(CommentDialogComponent, { data, autoFocus: 'first-tabbable', width: '560px', maxWidth: '95vw' });
      const res = (await firstValueFrom(ref.afterClosed())) as { comment: string } | undefined;
      if (!res) return { kind: 'cancelled' };
      comment = res.comment || undefined;
    }
    try {
      const result = await this.api.sendEvent(ctx.reportId, {
        type: event.type,
        ...(event.sectionId ? { sectionId: event.sectionId } : {}),
        ...(comment ? { comment } : {}),
        ...(event.type === 'sign' && ctx.documentSha256 ? { documentSha256: ctx.documentSha256 } : {}),
        expectedVersion: ctx.version,
      });
      this.snack.open(`Đã thực hiện: ${event.label}`, 'Đóng', { duration: 3000 });
      return { kind: 'done', result };
    } catch (err) {
      const status = httpStatus(err);
      if (status === 409) {
        const message = `${apiMessage(err)} Báo cáo vừa được người khác thay đổi; đã tải lại dữ liệu mới nhất, vui lòng kiểm tra rồi thao tác lại.`;
        return { kind: 'stale', message };
      }
      return { kind: 'refused', message: apiMessage(err) };
    }
  }
}

function describe(e: AllowedEventDto): string {
  switch (e.type) {
    case 'submit_section':
      return 'Nộp phần này cho đơn vị chủ trì tổng hợp. Bạn có thể ghi chú cho người duyệt.';
    case 'sign':
      return 'Bạn đã đọc bản PDF (thẻ "Xem PDF") và xác nhận ký báo cáo với khối chữ ký dưới đây. Văn thư sẽ cấp số và ban hành sau khi ký.';
    case 'issue':
      return 'Cấp số trong sổ văn bản đi và ghi ngày ban hành.';
    case 'dispatch':
      return 'Ghi nhận đã gửi văn bản cho nơi nhận.';
    case 'acknowledge':
      return 'Ghi nhận cơ quan nhận đã tiếp nhận văn bản.';
    case 'refuse':
      return 'Ghi nhận cơ quan nhận từ chối văn bản (nêu lý do). Báo cáo sẽ được mở lại thành bản sửa đổi mới.';
    case 'cancel':
      return 'Hủy báo cáo. Vui lòng nêu lý do.';
    default:
      return e.commentRequired ? 'Vui lòng nêu ý kiến để người nhận biết cần sửa gì.' : '';
  }
}
