import { Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ActionsService } from '../../../core/actions.service';
import { ApiService } from '../../../core/api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage } from '../../../core/errors';
import { formatDateTime } from '../../../core/format';
import type { AllowedEventDto, ReportDetail, SectionDetail } from '@trinhky/contracts';
import { partOutline, type FigureBinding, type PartFigures } from '@trinhky/domain';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';
import { BlockEditorComponent } from './block-editor.component';
import { ConflictPanelComponent, type ConflictChoice } from './conflict-panel.component';
import { fromEditorBlocks, outlineBlocks, toEditorBlocks, type EditorBlock } from './editor-model';
import { SectionAutosave } from './section-autosave';
import { RevisionsPanelComponent } from './revisions-panel.component';
import { editAnswer } from './section-editing';
import { SectionPreviewComponent } from './section-preview.component';
import { FiguresEditing } from './figures/figures-editing';
import { FiguresFormComponent } from './figures/figures-form.component';
import { FiguresSheetComponent } from './figures/figures-sheet.component';
import { FigureSource, withFigureTexts } from './figures/figure-source';
import { PartOutlineComponent } from './outline.component';

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

  /** Autosave, local draft and conflicts (section-autosave.ts); its state is the template's. */
  private readonly autosave = new SectionAutosave({
    reportId: () => this.id(),
    sectionId: () => this.sectionId(),
    blocks: this.blocks,
    content: () => this.content(),
    figs: this.figs,
    section: () => this.section(),
    mayEdit: () => this.editAnswer().ok,
    error: this.error,
    notice: this.notice,
    saveSection: (body) => this.api.saveSection(this.id(), this.sectionId(), body),
    reloadSection: () => this.reloadSection(),
  });
  protected readonly baseRevisionId = this.autosave.baseRevisionId;
  protected readonly saveState = this.autosave.saveState;
  protected readonly savedAt = this.autosave.savedAt;
  protected readonly conflict = this.autosave.conflict;

  constructor() {
    effect(() => {
      const [id, sid] = [this.id(), this.sectionId()];
      untracked(() => void this.load(id, sid));
    });
    const warn = (ev: BeforeUnloadEvent): void => {
      if (this.autosave.pending()) ev.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeunload', warn);
      this.autosave.dispose();
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
      this.autosave.saved.set(this.content());
      // The other parts' figures (for chips) arrive later; the text shown meanwhile is not a user's change.
      void this.source
        .load(report, section.figures?.catalogue.version, async (s) => (await this.api.section(id, s)).figures ?? null)
        .then(() => this.saveState() === 'saved' && this.autosave.saved.set(this.content()));
      const fragment = this.route.snapshot.fragment;
      this.focusCode.set(fragment?.startsWith('chi-tieu-') ? decodeURIComponent(fragment.slice(9)) : null);
      this.error.set(null);
      this.autosave.loaded(section.currentRevisionId);
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

  protected onChange(blocks: EditorBlock[]): void {
    this.autosave.change(blocks);
  }

  /** Saves now (the template's button, and before a submit). */
  save(): Promise<boolean> {
    return this.autosave.save();
  }

  protected resolve(choice: ConflictChoice): Promise<void> {
    return this.autosave.resolve(choice);
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
