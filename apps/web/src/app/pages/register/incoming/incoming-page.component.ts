import { Component, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ArrivalStatusName, IncomingEntry, IncomingPage } from '@trinhky/contracts';
import { ARRIVAL_STATUS_LABELS } from '@trinhky/workflow';
import { firstValueFrom } from 'rxjs';
import { ProvinceApi } from '../../../core/province-api.service';
import { apiMessage } from '../../../core/errors';
import { formatDate, formatDateTime } from '../../../core/format';
import { LiveService } from '../../../core/live.service';
import { downloadBlob } from '../../../core/report-filter';
import { CommentDialogComponent, type CommentDialogData } from '../../../shared/comment-dialog.component';

const PAGE = 50;

/**
 * Sổ văn bản đến: the reports the organisation's subordinates dispatched through the system, with
 * "Tiếp nhận" / "Từ chối" for its văn thư (the API answers `canAnswer` from libs/workflow's rule).
 */
@Component({
  selector: 'tk-incoming-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './incoming-page.component.html',
  styles: `
    .filters {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      align-items: center;
    }
    .actions {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
    }
    .pager {
      display: flex;
      gap: 12px;
      justify-content: flex-end;
      align-items: center;
    }
  `,
})
export class IncomingPageComponent {
  private readonly api = inject(ProvinceApi);
  private readonly dialog = inject(MatDialog);
  private readonly live = inject(LiveService);
  protected readonly labels = ARRIVAL_STATUS_LABELS;
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;

  protected readonly status = signal<ArrivalStatusName | ''>('');
  protected readonly q = signal('');
  protected readonly offset = signal(0);
  protected readonly page = signal<IncomingPage | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.live.listChanged();
      this.status();
      this.offset();
      untracked(() => void this.load());
    });
  }

  protected search(): void {
    this.offset.set(0);
    void this.load();
  }

  protected setStatus(s: ArrivalStatusName | ''): void {
    this.offset.set(0);
    this.status.set(s);
  }

  protected move(by: number): void {
    this.offset.set(Math.max(0, this.offset() + by * PAGE));
  }

  protected last(p: IncomingPage): number {
    return Math.min(p.offset + p.limit, p.total);
  }

  protected async pdf(e: IncomingEntry): Promise<void> {
    try {
      downloadBlob(await this.api.incomingPdf(e.id), `van-ban-den-${e.arrivalNumber}-${e.year}.pdf`);
    } catch (err) {
      this.error.set(apiMessage(err));
    }
  }

  protected async receive(e: IncomingEntry): Promise<void> {
    await this.act(e, () => this.api.receiveIncoming(e.id));
  }

  protected async refuse(e: IncomingEntry): Promise<void> {
    const data: CommentDialogData = {
      title: 'Từ chối tiếp nhận',
      description: `Báo cáo số ${e.numberText} của ${e.sender.name} sẽ được trả lại; cơ quan gửi sửa và gửi lại thành lần sửa mới.`,
      commentRequired: true,
      confirmLabel: 'Từ chối tiếp nhận',
    };
    const out = await firstValueFrom(this.dialog.open(CommentDialogComponent, { data }).afterClosed());
    if (!out) return;
    await this.act(e, () => this.api.refuseIncoming(e.id, { reason: (out as { comment: string }).comment }));
  }

  private async act(e: IncomingEntry, call: () => Promise<IncomingEntry>): Promise<void> {
    this.busy.set(e.id);
    try {
      await call();
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err));
    } finally {
      this.busy.set(null);
      await this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.page.set(
        await this.api.incoming({ status: this.status() || undefined, q: this.q() || undefined, limit: PAGE, offset: this.offset() }),
      );
    } catch (err) {
      this.error.set(apiMessage(err));
    }
  }
}
