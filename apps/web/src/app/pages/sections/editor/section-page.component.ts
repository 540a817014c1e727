import { Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ActionsService } from '../../../core/actions.service';
import { ApiService } from '../../../core/api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage, httpStatus, isUnavailable, saveConflictOf } from '../../../core/errors';
import { clearDraft, draftKey, readDraft, retryMessage, retryable, writeDraft } from './local-draft';
import { formatDateTime } from '../../../core/format';
import type { AllowedEventDto, ReportDetail, RevisionInfo, SaveConflict, SectionDetail } from '@trinhky/contracts';
import type { SectionContent } from '@trinhky/domain';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';
import { BlockEditorComponent } from './block-editor.component';
import { ConflictPanelComponent, type ConflictChoice } from './conflict-panel.component';
import { fromEditorBlocks, mergeContents, sameContent, toEditorBlocks, type EditorBlock } from './editor-model';
import { RevisionDiffComponent } from './revision-diff.component';
import { editAnswer } from './section-editing';
import { SectionPreviewComponent } from './section-preview.component';

type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';
const AUTOSAVE_MS = 2000;
/** After a failed save (network, server): try again this much later, as long as the page is open. */
const RETRY_MS = 10_000;

/** Section editor: structured content, autosave with conflict handling, submit with a note, revisions. */
@Component({
  selector: 'tk-section-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    BlockEditorComponent,
    ConflictPanelComponent,
    RevisionDiffComponent,
    SectionPreviewComponent,
    DeadlineComponent,
    StateBadgeComponent,
  ],
  templateUrl: './section-page.component.html',
  styleUrl: './section-page.component.scss',
})
export class SectionPageComponent {
  private readonly api = inject(ApiService);
  private readonly actions = inject(ActionsService);
  private readonly auth = inject(AuthService);

  readonly id = input.required<string>();
  readonly sectionId = input.required<string>();

  protected readonly report = signal<ReportDetail | null>(null);
  protected readonly section = signal<SectionDetail | null>(null);
  protected readonly blocks = signal<EditorBlock[]>([]);
  protected readonly baseRevisionId = signal<string | null>(null);
  protected readonly saved = signal<SectionContent>({ blocks: [] });
  protected readonly saveState = signal<SaveState>('saved');
  protected readonly savedAt = signal<string | null>(null);
  protected readonly conflict = signal<SaveConflict | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly compareWith = signal<string>('');
  protected readonly compareContent = signal<SectionContent | null>(null);

  protected readonly content = computed(() => fromEditorBlocks(this.blocks()));
  protected readonly events = computed<AllowedEventDto[]>(() =>
    (this.report()?.allowedEvents ?? []).filter((e) => e.sectionId === this.sectionId()),
  );
  /** libs/workflow's answer, the same the API gives a save: may I edit this part now, and if not why. */
  protected readonly editAnswer = computed(() => editAnswer(this.auth.user(), this.report(), this.sectionId()));
  protected readonly editable = computed(() => this.editAnswer().ok && !this.conflict());
  protected readonly notEditableReason = computed(() => {
    const a = this.editAnswer();
    return a.ok ? '' : a.reason;
  });
  /** Newest first. */
  protected readonly revisions = computed<RevisionInfo[]>(() =>
    [...(this.section()?.revisions ?? [])].sort((a, b) => b.number - a.number || b.createdAt.localeCompare(a.createdAt)),
  );
  protected readonly formatDateTime = formatDateTime;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    effect(() => {
      const [id, sid] = [this.id(), this.sectionId()];
      untracked(() => void this.load(id, sid));
    });
    const warn = (ev: BeforeUnloadEvent): void => {
      if (this.saveState() === 'dirty' || this.saveState() === 'saving') ev.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeunload', warn);
      if (this.timer) clearTimeout(this.timer);
      if (this.saveState() === 'dirty') void this.save();
    });
  }

  async load(id = this.id(), sid = this.sectionId()): Promise<void> {
    try {
      const [report, section] = await Promise.all([this.api.report(id), this.api.section(id, sid)]);
      this.report.set(report);
      this.section.set(section);
      this.blocks.set(toEditorBlocks(section.content));
      this.saved.set(this.content());
      this.baseRevisionId.set(section.currentRevisionId);
      this.saveState.set('saved');
      this.error.set(null);
      this.restoreLocalDraft();
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được phần báo cáo.'));
    }
  }

  protected onChange(blocks: EditorBlock[]): void {
    this.blocks.set(blocks);
    if (sameContent(this.content(), this.saved())) {
      this.saveState.set('saved');
      return;
    }
    this.saveState.set('dirty');
    writeDraft(this.draftKey(), { baseRevisionId: this.baseRevisionId(), content: this.content(), savedAt: new Date().toISOString() });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  }

  private draftKey(): string {
    return draftKey(this.id(), this.sectionId());
  }

  /**
   * Text typed here that never reached the server (a failed save, a closed tab) comes back: on top of
   * the same revision it is simply restored and saved; on top of an older one both versions are shown.
   */
  private restoreLocalDraft(): void {
    const draft = readDraft(this.draftKey());
    if (!draft) return;
    if (sameContent(draft.content, this.saved()) || !this.editAnswer().ok) {
      if (sameContent(draft.content, this.saved())) clearDraft(this.draftKey());
      return;
    }
    const section = this.section();
    if (draft.baseRevisionId === this.baseRevisionId() || !section) {
      this.onChange(toEditorBlocks(draft.content));
      this.notice.set('Đã khôi phục nội dung chưa lưu được lần trước trên máy này; nội dung đang được lưu lên máy chủ.');
      return;
    }
    this.blocks.set(toEditorBlocks(draft.content));
    const current = section.revisions.find((r) => r.id === section.currentRevisionId);
    this.conflict.set({
      statusCode: 409,
      message: 'Trên máy này còn nội dung chưa lưu, soạn trên một phiên bản cũ hơn phiên bản hiện tại của phần này.',
      current: {
        revisionId: section.currentRevisionId ?? '',
        content: this.saved(),
        author: current?.author ?? null,
        createdAt: current?.createdAt ?? '',
      },
    });
    this.saveState.set('conflict');
  }

  /** Saves on top of the revision I started from; a 409 opens the conflict panel. */
  async save(base: string | null = this.baseRevisionId()): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.saveState() === 'saving' || this.conflict()) return false;
    const content = this.content();
    this.saveState.set('saving');
    try {
      const { revisionId } = await this.api.saveSection(this.id(), this.sectionId(), { baseRevisionId: base, content });
      this.baseRevisionId.set(revisionId);
      this.saved.set(content);
      this.savedAt.set(new Date().toISOString());
      this.saveState.set(sameContent(this.content(), content) ? 'saved' : 'dirty');
      if (this.saveState() === 'saved') clearDraft(this.draftKey());
      if (this.error()?.startsWith('Chưa lưu được')) this.error.set(null);
      if (this.saveState() === 'dirty') this.timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
      void this.reloadSection();
      return true;
    } catch (err) {
      const conflict = saveConflictOf(err);
      if (conflict) {
        this.conflict.set(conflict);
        this.saveState.set('conflict');
      } else if (retryable(httpStatus(err))) {
        this.saveState.set('error');
        this.error.set(retryMessage(isUnavailable(err) ? apiMessage(err) : null, RETRY_MS));
        this.timer = setTimeout(() => void this.save(), RETRY_MS);
      } else {
        this.saveState.set('error');
        this.error.set(`${apiMessage(err, 'Không lưu được nội dung.')} Nội dung bạn vừa soạn vẫn được giữ trên máy này.`);
      }
      return false;
    }
  }

  protected async resolve(choice: ConflictChoice): Promise<void> {
    const c = this.conflict();
    if (!c) return;
    this.conflict.set(null);
    this.baseRevisionId.set(c.current.revisionId);
    this.saved.set(c.current.content);
    if (choice === 'theirs') {
      this.blocks.set(toEditorBlocks(c.current.content));
      this.saveState.set('saved');
      clearDraft(this.draftKey());
    } else if (choice === 'merge') {
      this.onChange(mergeContents(this.content(), c.current.content));
      this.notice.set(
        'Đã gộp: bản vừa được lưu, sau đó là các đoạn chỉ có ở bản của bạn. Hãy đọc lại và sửa; nội dung sẽ được lưu tự động.',
      );
    } else {
      this.saveState.set('dirty');
      await this.save(c.current.revisionId);
    }
    void this.reloadSection();
  }

  private async reloadSection(): Promise<void> {
    try {
      this.section.set(await this.api.section(this.id(), this.sectionId()));
    } catch {
      /* the list of revisions only */
    }
  }

  /** Runs a workflow event on this section (submitting saves first). */
  async run(e: AllowedEventDto): Promise<void> {
    const r = this.report();
    if (!r || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    try {
      if (e.type === 'submit_section' && this.saveState() !== 'saved' && !(await this.save())) return;
      const section = this.section();
      const outcome = await this.actions.run(e, {
        reportId: r.id,
        version: r.version,
        sectionTitle: section ? `${section.label} ${section.title}`.trim() : undefined,
      });
      if (outcome.kind === 'cancelled') return;
      await this.load();
      // After the reload, which clears old messages.
      if (outcome.kind === 'stale') this.notice.set(outcome.message);
      if (outcome.kind === 'refused') this.error.set(outcome.message);
    } finally {
      this.busy.set(false);
    }
  }

  protected async compare(revisionId: string): Promise<void> {
    this.compareWith.set(revisionId);
    this.compareContent.set(null);
    if (!revisionId) return;
    try {
      const rev = await this.api.revision(this.id(), this.sectionId(), revisionId);
      this.compareContent.set(rev.content);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được phiên bản.'));
    }
  }
}
