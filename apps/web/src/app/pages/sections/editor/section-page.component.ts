import { Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ActionsService } from '../../../core/actions.service';
import { ApiService } from '../../../core/api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage, httpStatus, isUnavailable, saveConflictOf } from '../../../core/errors';
import { clearDraft, draftConflict, draftKey, readDraft, retryMessage, retryable, writeDraft } from './local-draft';
import { formatDateTime } from '../../../core/format';
import type { AllowedEventDto, ReportDetail, SaveConflict, SectionDetail } from '@trinhky/contracts';
import { partOutline, type FigureBinding, type PartFigures, type SectionContent } from '@trinhky/domain';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';
import { BlockEditorComponent } from './block-editor.component';
import { ConflictPanelComponent, type ConflictChoice } from './conflict-panel.component';
import { fromEditorBlocks, mergeContents, outlineBlocks, sameContent, toEditorBlocks, type EditorBlock } from './editor-model';
import { RevisionsPanelComponent } from './revisions-panel.component';
import { editAnswer } from './section-editing';
import { SectionPreviewComponent } from './section-preview.component';
import { FiguresEditing } from './figures/figures-editing';
import { FiguresFormComponent } from './figures/figures-form.component';
import { FiguresSheetComponent } from './figures/figures-sheet.component';
import { FigureSource, withFigureTexts } from './figures/figure-source';
import { PartOutlineComponent } from './outline.component';

type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';
const AUTOSAVE_MS = 2000;
/** After a failed save (network, server): try again this much later, as long as the page is open. */
const RETRY_MS = 10_000;

/** Section editor: structured content, autosave with conflict handling, submit with a note, revisions. */
@Component({
  selector: 'tk-section-page',
  imports: [
    RouterLink,
    MatButtonModule,
    BlockEditorComponent,
    ConflictPanelComponent,
    RevisionsPanelComponent,
    SectionPreviewComponent,
    FiguresFormComponent,
    FiguresSheetComponent,
    PartOutlineComponent,
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

  /** The part's figures (its catalogue group), checked as the user types. */
  protected readonly figs = new FiguresEditing();
  /** The report's figures the text's chips show (this part live, the others as saved). */
  protected readonly source = new FigureSource();
  protected readonly chipText = (b: FigureBinding): string => this.source.text(b);
  protected readonly content = computed(() => withFigureTexts(fromEditorBlocks(this.blocks()), this.chipText));
  protected readonly outline = computed(() => partOutline(this.report()?.templateCode ?? '', this.section()?.code ?? ''));
  /** "#chi-tieu-2.1" (a link from the checks panel) focuses that indicator. */
  protected readonly focusCode = signal<string | null>(null);
  private readonly route = inject(ActivatedRoute);
  private readonly liveFigures = effect(() => this.source.live.set(this.figs.payload()));
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
      this.figs.load(section);
      this.source.partCode.set(section.code);
      this.blocks.set(toEditorBlocks(section.content));
      this.saved.set(this.content());
      // The other parts' figures (for chips) arrive later; the text shown meanwhile is not a user's change.
      void this.source
        .load(report, section.figures?.catalogue.version, async (s) => (await this.api.section(id, s)).figures ?? null)
        .then(() => this.saveState() === 'saved' && this.saved.set(this.content()));
      const fragment = this.route.snapshot.fragment;
      this.focusCode.set(fragment?.startsWith('chi-tieu-') ? decodeURIComponent(fragment.slice(9)) : null);
      this.baseRevisionId.set(section.currentRevisionId);
      this.saveState.set('saved');
      this.error.set(null);
      this.restoreLocalDraft();
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được phần báo cáo.'));
    }
  }

  protected startFromOutline(items: string[]): void {
    this.onChange(outlineBlocks(items));
  }

  protected onFigures(figures: PartFigures): void {
    this.figs.typed.set(figures);
    this.onChange(this.blocks());
  }

  private unsaved(): boolean {
    return !sameContent(this.content(), this.saved()) || (this.figs.dirty() && !this.figs.unsaveable());
  }

  protected onChange(blocks: EditorBlock[]): void {
    this.blocks.set(blocks);
    if (!this.unsaved()) {
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
    this.conflict.set(draftConflict(section, this.saved()));
    this.saveState.set('conflict');
  }

  /** Saves on top of the revision I started from; a 409 opens the conflict panel. */
  async save(base: string | null = this.baseRevisionId()): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.saveState() === 'saving' || this.conflict()) return false;
    const content = this.content();
    // Figures the API would refuse stay on the page (their problems show); the text is saved.
    const figures = this.figs.unsaveable() ? null : this.figs.payload();
    this.saveState.set('saving');
    try {
      const body = { baseRevisionId: base, content, ...(figures ? { figures } : {}) };
      const { revisionId } = await this.api.saveSection(this.id(), this.sectionId(), body);
      this.baseRevisionId.set(revisionId);
      this.saved.set(content);
      this.figs.markSaved(figures);
      this.savedAt.set(new Date().toISOString());
      this.saveState.set(this.unsaved() ? 'dirty' : 'saved');
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
      if (e.type === 'submit_section' && this.figs.block()) return this.error.set(this.figs.block());
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
}
