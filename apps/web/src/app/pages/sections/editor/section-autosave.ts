import { signal, type WritableSignal } from '@angular/core';
import type { BodyOf, ResponseOf, SaveConflict, SectionDetail } from '@trinhky/contracts';
import type { SectionContent } from '@trinhky/domain';
import { apiMessage, httpStatus, isUnavailable, saveConflictOf } from '../../../core/errors';
import type { ConflictChoice } from './conflict-panel.component';
import { mergeContents, sameContent, toEditorBlocks, type EditorBlock } from './editor-model';
import type { FiguresEditing } from './figures/figures-editing';
import { clearDraft, draftConflict, draftKey, readDraft, retryMessage, retryable, writeDraft } from './local-draft';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';
const AUTOSAVE_MS = 2000;
/** After a failed save (network, server): try again this much later, as long as the page is open. */
const RETRY_MS = 10_000;

/** What the autosave needs of the editor page. */
export interface AutosaveHost {
  reportId(): string;
  sectionId(): string;
  /** The editor's blocks (the draft restore and the conflict choices set them). */
  readonly blocks: WritableSignal<EditorBlock[]>;
  /** The content as it would be saved now (the blocks, chips' texts filled in). */
  content(): SectionContent;
  readonly figs: FiguresEditing;
  section(): SectionDetail | null;
  /** libs/workflow's answer: may the user edit this part now. */
  mayEdit(): boolean;
  readonly error: WritableSignal<string | null>;
  readonly notice: WritableSignal<string | null>;
  saveSection(body: BodyOf<'saveContent'>): Promise<ResponseOf<'saveContent'>>;
  /** Re-reads the part (its list of revisions) after a save. */
  reloadSection(): Promise<void>;
}

/**
 * A part's autosave: saves two seconds after the last change on top of the revision the user
 * started from, keeps every change in a local draft until the server has it (retried after a
 * network or server failure), restores that draft on the next visit, and on a 409 holds the text
 * in a conflict the user resolves (theirs, merge, or mine on top of theirs).
 */
export class SectionAutosave {
  readonly baseRevisionId = signal<string | null>(null);
  /** The content the server has (what `unsaved` compares against). */
  readonly saved = signal<SectionContent>({ blocks: [] });
  readonly saveState = signal<SaveState>('saved');
  readonly savedAt = signal<string | null>(null);
  readonly conflict = signal<SaveConflict | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: AutosaveHost) {}

  /** The part was (re)loaded: its current revision is the base, nothing is unsaved — unless a local draft comes back. */
  loaded(revisionId: string | null): void {
    this.baseRevisionId.set(revisionId);
    this.saveState.set('saved');
    this.restoreLocalDraft();
  }

  /** A change would be lost on leaving the page now. */
  pending(): boolean {
    return this.saveState() === 'dirty' || this.saveState() === 'saving';
  }

  /** The page goes away: no timer left, and a change not yet sent is sent. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.saveState() === 'dirty') void this.save();
  }

  private unsaved(): boolean {
    const figs = this.host.figs;
    return !sameContent(this.host.content(), this.saved()) || (figs.dirty() && !figs.unsaveable());
  }

  change(blocks: EditorBlock[]): void {
    this.host.blocks.set(blocks);
    if (!this.unsaved()) {
      this.saveState.set('saved');
      return;
    }
    this.saveState.set('dirty');
    writeDraft(this.key(), { baseRevisionId: this.baseRevisionId(), content: this.host.content(), savedAt: new Date().toISOString() });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  }

  private key(): string {
    return draftKey(this.host.reportId(), this.host.sectionId());
  }

  /**
   * Text typed here that never reached the server (a failed save, a closed tab) comes back: on top of
   * the same revision it is simply restored and saved; on top of an older one both versions are shown.
   */
  private restoreLocalDraft(): void {
    const draft = readDraft(this.key());
    if (!draft) return;
    if (sameContent(draft.content, this.saved()) || !this.host.mayEdit()) {
      if (sameContent(draft.content, this.saved())) clearDraft(this.key());
      return;
    }
    const section = this.host.section();
    if (draft.baseRevisionId === this.baseRevisionId() || !section) {
      this.change(toEditorBlocks(draft.content));
      this.host.notice.set('Đã khôi phục nội dung chưa lưu được lần trước trên máy này; nội dung đang được lưu lên máy chủ.');
      return;
    }
    this.host.blocks.set(toEditorBlocks(draft.content));
    this.conflict.set(draftConflict(section, this.saved()));
    this.saveState.set('conflict');
  }

  /** Saves on top of the revision I started from; a 409 opens the conflict panel. */
  async save(base: string | null = this.baseRevisionId()): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.saveState() === 'saving' || this.conflict()) return false;
    const { host } = this;
    const content = host.content();
    // Figures the API would refuse stay on the page (their problems show); the text is saved.
    const figures = host.figs.unsaveable() ? null : host.figs.payload();
    this.saveState.set('saving');
    try {
      const { revisionId } = await host.saveSection({ baseRevisionId: base, content, ...(figures ? { figures } : {}) });
      this.baseRevisionId.set(revisionId);
      this.saved.set(content);
      host.figs.markSaved(figures);
      this.savedAt.set(new Date().toISOString());
      this.saveState.set(this.unsaved() ? 'dirty' : 'saved');
      if (this.saveState() === 'saved') clearDraft(this.key());
      if (host.error()?.startsWith('Chưa lưu được')) host.error.set(null);
      if (this.saveState() === 'dirty') this.timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
      void host.reloadSection();
      return true;
    } catch (err) {
      const conflict = saveConflictOf(err);
      if (conflict) {
        this.conflict.set(conflict);
        this.saveState.set('conflict');
      } else if (retryable(httpStatus(err))) {
        this.saveState.set('error');
        host.error.set(retryMessage(isUnavailable(err) ? apiMessage(err) : null, RETRY_MS));
        this.timer = setTimeout(() => void this.save(), RETRY_MS);
      } else {
        this.saveState.set('error');
        host.error.set(`${apiMessage(err, 'Không lưu được nội dung.')} Nội dung bạn vừa soạn vẫn được giữ trên máy này.`);
      }
      return false;
    }
  }

  async resolve(choice: ConflictChoice): Promise<void> {
    const c = this.conflict();
    if (!c) return;
    this.conflict.set(null);
    this.baseRevisionId.set(c.current.revisionId);
    this.saved.set(c.current.content);
    if (choice === 'theirs') {
      this.host.blocks.set(toEditorBlocks(c.current.content));
      this.saveState.set('saved');
      clearDraft(this.key());
    } else if (choice === 'merge') {
      this.change(mergeContents(this.host.content(), c.current.content));
      this.host.notice.set(
        'Đã gộp: bản vừa được lưu, sau đó là các đoạn chỉ có ở bản của bạn. Hãy đọc lại và sửa; nội dung sẽ được lưu tự động.',
      );
    } else {
      this.saveState.set('dirty');
      await this.save(c.current.revisionId);
    }
    void this.host.reloadSection();
  }
}
