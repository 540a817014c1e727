import { Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { ActionsService } from '../../../core/actions.service';
import { AuthService } from '../../../core/auth.service';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';
import { formatDate, formatDateTime } from '../../../core/format';
import { downloadBlob } from '../../../core/report-filter';
import { catalogueFor } from '@trinhky/domain';
import { LiveService } from '../../../core/live.service';
import type { AllowedEventDto, AuditPage, ChainCheck, ReportDetail } from '@trinhky/contracts';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { PagerComponent } from '../../../shared/pager.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';
import { AuditTimelineComponent } from './audit-timeline.component';
import { ChecksPanelComponent } from './checks-panel.component';
import { PdfViewComponent } from './pdf-view.component';
import { SignaturesPanelComponent } from './signatures-panel.component';
import { SectionsTableComponent } from './sections-table.component';

import { DeliveryStatusComponent } from './delivery-status.component';

/** Entries of the report's chain per page of the Nhật ký tab (newest first). */
const AUDIT_PAGE = 50;

/** One report: header data, sections, the actions the API allows me now, the log and the PDF. */
@Component({
  selector: 'tk-report-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatTabsModule,
    DeadlineComponent,
    StateBadgeComponent,
    SectionsTableComponent,
    AuditTimelineComponent,
    PdfViewComponent,
    DeliveryStatusComponent,
    ChecksPanelComponent,
    SignaturesPanelComponent,
    PagerComponent,
  ],
  templateUrl: './report-page.component.html',
  styleUrl: './report-page.component.scss',
})
export class ReportPageComponent {
  private readonly api = inject(ApiService);
  private readonly actions = inject(ActionsService);
  private readonly live = inject(LiveService);
  private readonly auth = inject(AuthService);
  /** The report belongs to an organisation my agency follows (a province reading a commune's report). */
  protected readonly followed = computed(() => {
    const org = this.report()?.organisation;
    return !!org && org.id !== this.auth.user()?.organisation.id;
  });

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly report = signal<ReportDetail | null>(null);
  /** The current page of the report's chain (newest first) and its offset. */
  protected readonly audit = signal<AuditPage | null>(null);
  protected readonly auditOffset = signal(0);
  protected readonly verify = signal<ChainCheck | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly tab = signal(0);
  /** The sign action's refusal over the figures (422): the checks tab shows it above the list. */
  protected readonly signRefusal = signal<string | null>(null);

  /** The report's template has a statistics annex ("Tải phụ lục Excel"). */
  protected readonly hasAnnex = computed(() => !!catalogueFor(this.report()?.templateCode ?? ''));
  protected readonly reportEvents = computed(() => (this.report()?.allowedEvents ?? []).filter((e) => !e.sectionId));
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    effect(() => {
      const change = this.live.lastChange();
      const current = untracked(() => this.report());
      const resync = change?.type === 'resync';
      if (
        current &&
        ((change?.reportId === current.id && (change.version ?? 0) > current.version) || resync) &&
        !untracked(() => this.busy())
      ) {
        untracked(() => {
          if (!resync) this.notice.set('Báo cáo vừa được cập nhật bởi người khác; đã tải lại.');
          void this.load(current.id);
        });
      }
    });
    inject(DestroyRef).onDestroy(() => undefined);
  }

  async load(id: string = this.id()): Promise<void> {
    try {
      const report = await this.api.report(id);
      // A signer reads the document first: open on the PDF.
      if (!this.report() && report.allowedEvents.some((e) => e.type === 'sign')) this.tab.set(2);
      this.report.set(report);
      this.error.set(null);
      void this.loadAudit(id);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được báo cáo.'));
    }
  }

  private async loadAudit(id: string, offset = this.auditOffset()): Promise<void> {
    try {
      const [page, verify] = await Promise.all([
        this.api.audit(id, { limit: AUDIT_PAGE, offset }),
        this.api.verifyAudit(id).catch(() => null),
      ]);
      this.auditOffset.set(offset);
      this.audit.set(page);
      this.verify.set(verify);
    } catch {
      this.audit.set({ items: [], total: 0, limit: AUDIT_PAGE, offset: 0 });
    }
  }

  protected auditPage(offset: number): void {
    void this.loadAudit(this.id(), offset);
  }

  protected readonly docxBusy = signal(false);

  /** Downloads the report as .docx (Word), named like the PDF. */
  async downloadDocx(): Promise<void> {
    const r = this.report();
    if (!r || this.docxBusy()) return;
    this.docxBusy.set(true);
    try {
      downloadBlob(
        await this.api.reportDocx(r.id),
        `${r.number ? `bao-cao-${r.number.replace(/\//g, '-')}` : `bao-cao-${r.periodKey}`}.docx`,
      );
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được bản DOCX.'));
    } finally {
      this.docxBusy.set(false);
    }
  }

  /** Runs an allowed event (report or section), then reloads. */
  async run(event: AllowedEventDto): Promise<void> {
    const r = this.report();
    if (!r || this.busy()) return;
    this.busy.set(true);
    this.notice.set(null);
    this.error.set(null);
    try {
      const section = event.sectionId ? r.sections.find((s) => s.id === event.sectionId) : undefined;
      const signatureLines = event.type === 'sign' ? await this.signatureLines(r) : undefined;
      // What the signer confirms is what is signed: the hash of the preview travels with the event.
      const documentSha256 = event.type === 'sign' ? await this.api.previewSha256(r.id).catch(() => undefined) : undefined;
      const outcome = await this.actions.run(event, {
        reportId: r.id,
        version: r.version,
        sectionTitle: section ? `${section.label} ${section.title}`.trim() : undefined,
        signatureLines,
        documentSha256,
      });
      if (outcome.kind === 'cancelled') return;
      await this.load(r.id);
      // After the reload, which clears old messages.
      if (outcome.kind === 'stale') this.notice.set(outcome.message);
      if (outcome.kind === 'refused') this.error.set(outcome.message);
      if (outcome.kind === 'refused' && event.type === 'sign' && /số liệu/.test(outcome.message)) {
        this.signRefusal.set(outcome.message);
        this.tab.set(3);
      }
      if (outcome.kind === 'done') void this.live.reloadInbox();
    } finally {
      this.busy.set(false);
    }
  }

  protected async downloadAnnex(r: ReportDetail): Promise<void> {
    this.error.set(null);
    try {
      downloadBlob(await this.api.annexXlsx(r.id), `phu-luc-so-lieu-${r.number ? r.number.replace(/\//g, '-') : r.periodKey}.xlsx`);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được phụ lục Excel.'));
    }
  }

  /** The signature block the signer confirms (derived by the API; drafters never type it). */
  private async signatureLines(r: ReportDetail): Promise<string[] | undefined> {
    if (r.signature) return [...r.signature.lines, r.signature.name];
    try {
      const signature = signatureOf((await this.api.reportDocument(r.id))['signature']);
      return signature ? [...signature.lines, '(chữ ký)', signature.name] : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The document model's signature block (the contract types the document loosely: only `subject`). */
function signatureOf(v: unknown): { lines: string[]; name: string } | null {
  const s = v as { lines?: unknown; name?: unknown } | null | undefined;
  return s && Array.isArray(s.lines) && typeof s.name === 'string' ? { lines: s.lines.map(String), name: s.name } : null;
}
