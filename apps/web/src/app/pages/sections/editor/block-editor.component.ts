import { Component, ElementRef, computed, input, output, viewChildren } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { FigureBinding, HeadingLevel, Run, TableBlock } from '@trinhky/domain';
import { HEADING_NAMES, HEADING_ORDER, emptyTable, markupToRuns, newId, type EditorBlock, type EditorBlockKind } from './editor-model';
import { bindingMarkup, type FigureOption } from './figures/figure-source';
import { TableEditorComponent } from './table-editor.component';

const KIND_NAMES: Record<string, string> = {
  paragraph: 'Đoạn văn',
  'bullet:-': 'Gạch đầu dòng "-"',
  'bullet:+': 'Gạch đầu dòng "+"',
  heading: 'Đề mục',
  table: 'Bảng',
};

/** The list of blocks: type, text with **đậm** / *nghiêng*, order; tables as grids. */
@Component({
  selector: 'tk-block-editor',
  imports: [MatButtonModule, TableEditorComponent],
  templateUrl: './block-editor.component.html',
  styleUrl: './block-editor.component.scss',
})
export class BlockEditorComponent {
  readonly blocks = input.required<EditorBlock[]>();
  readonly readonly = input(false);
  readonly changed = output<EditorBlock[]>();
  /** The report's indicators a paragraph can bind ("Chèn số liệu"); none: no picker. */
  readonly figureOptions = input<FigureOption[]>([]);
  /** What a bound figure shows ("2.139 hồ sơ"). */
  readonly figureText = input<(b: FigureBinding) => string>((b) => b.code);

  protected readonly optionGroups = computed(() => {
    const out: { title: string; options: { key: string; label: string }[] }[] = [];
    for (const o of this.figureOptions()) {
      let g = out.find((x) => x.title === o.groupTitle);
      if (!g) out.push((g = { title: o.groupTitle, options: [] }));
      g.options.push({ key: bindingMarkup(o.binding), label: o.label });
    }
    return out;
  });

  private readonly texts = viewChildren<ElementRef<HTMLTextAreaElement>>('text');
  /**
   * The list last emitted while `blocks` still holds the list it was made from: events can come
   * faster than change detection passes the parent's new list back (a figure inserted right after
   * typing), and an edit made on the older list would drop what was just typed.
   */
  private pending: { from: EditorBlock[]; to: EditorBlock[] } | null = null;

  /** The blocks as the user last left them. */
  private current(): EditorBlock[] {
    const shown = this.blocks();
    return this.pending?.from === shown ? this.pending.to : shown;
  }

  private emit(list: EditorBlock[]): void {
    this.pending = { from: this.blocks(), to: list };
    this.changed.emit(list);
  }

  protected readonly headingLevels = HEADING_ORDER.map((level) => ({ level, name: HEADING_NAMES[level] }));
  protected readonly kinds = Object.entries(KIND_NAMES).map(([value, name]) => ({ value, name }));

  protected kindValue(b: EditorBlock): string {
    return b.kind === 'bullet' ? `bullet:${b.marker}` : b.kind;
  }

  protected kindName(b: EditorBlock): string {
    return KIND_NAMES[this.kindValue(b)] ?? b.kind;
  }

  protected update(index: number, patch: Partial<EditorBlock>): void {
    const list = [...this.current()];
    list[index] = { ...list[index], ...patch } as EditorBlock;
    this.emit(list);
  }

  protected setText(index: number, text: string): void {
    this.update(index, { text: text.normalize('NFC') } as Partial<EditorBlock>);
  }

  protected setTable(index: number, table: TableBlock): void {
    this.update(index, { table } as Partial<EditorBlock>);
  }

  protected setKind(index: number, value: string): void {
    const b = this.current()[index];
    const text = 'text' in b ? b.text : '';
    let next: EditorBlock;
    if (value === 'paragraph') next = { id: b.id, kind: 'paragraph', text };
    else if (value === 'bullet:-' || value === 'bullet:+')
      next = { id: b.id, kind: 'bullet', marker: value === 'bullet:-' ? '-' : '+', text };
    else if (value === 'heading') next = { id: b.id, kind: 'heading', level: 'item', label: '', text };
    else next = { id: b.id, kind: 'table', table: emptyTable() };
    const list = [...this.current()];
    list[index] = next;
    this.emit(list);
  }

  protected setLevel(index: number, level: string): void {
    this.update(index, { level: level as HeadingLevel } as Partial<EditorBlock>);
  }

  protected setLabel(index: number, label: string): void {
    this.update(index, { label } as Partial<EditorBlock>);
  }

  protected insert(after: number, kind: EditorBlockKind = 'paragraph'): void {
    const b: EditorBlock =
      kind === 'table' ? { id: newId(), kind: 'table', table: emptyTable() } : { id: newId(), kind: 'paragraph', text: '' };
    const list = [...this.current()];
    list.splice(after + 1, 0, b);
    this.emit(list);
    setTimeout(() => this.focus(after + 1));
  }

  protected remove(index: number): void {
    this.emit(this.current().filter((_, i) => i !== index));
  }

  protected move(index: number, delta: number): void {
    const to = index + delta;
    const list = [...this.current()];
    if (to < 0 || to >= list.length) return;
    [list[index], list[to]] = [list[to], list[index]];
    this.emit(list);
  }

  protected emphasisAt(index: number, marker: '**' | '*'): void {
    const area = this.areaOf(index);
    if (area) this.emphasis(index, marker, area);
  }

  private areaOf(index: number): HTMLTextAreaElement | undefined {
    const id = this.current()[index]?.id;
    return this.texts().find((t) => t.nativeElement.dataset['blockId'] === String(id))?.nativeElement;
  }

  /** Wraps the selection of a block's text in ** (bold) or * (italic). */
  protected emphasis(index: number, marker: '**' | '*', area: HTMLTextAreaElement): void {
    const { selectionStart: s, selectionEnd: e, value } = area;
    const next = value.slice(0, s) + marker + value.slice(s, e) + marker + value.slice(e);
    this.setText(index, next);
    setTimeout(() => {
      area.focus();
      area.setSelectionRange(s + marker.length, e + marker.length);
    });
  }

  /** Ctrl+B / Ctrl+I in a text; Ctrl+Enter adds a paragraph below. */
  protected keydown(index: number, ev: KeyboardEvent, area: HTMLTextAreaElement): void {
    if (!(ev.ctrlKey || ev.metaKey)) return;
    const key = ev.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      ev.preventDefault();
      this.emphasis(index, key === 'b' ? '**' : '*', area);
    } else if (key === 'enter') {
      ev.preventDefault();
      this.insert(index);
    }
  }

  /** The text's runs when it binds figures (the chips' preview), else null. */
  protected boundRuns(text: string): Run[] | null {
    return text.includes('{{') && markupToRuns(text).some((r) => r.figure) ? markupToRuns(text) : null;
  }

  /** Inserts a bound figure ({{TTHC:5.1}}) at the cursor of block `index`. */
  protected insertFigure(index: number, markup: string, select: HTMLSelectElement): void {
    select.value = '';
    const area = this.areaOf(index);
    const b = this.current()[index];
    if (!markup || !('text' in b)) return;
    const at = area ? Math.min(area.selectionEnd, b.text.length) : b.text.length;
    const before = b.text.slice(0, at);
    const pad = before && !/\s$/.test(before) ? ' ' : '';
    this.setText(index, `${before}${pad}${markup}${b.text.slice(at)}`);
    setTimeout(() => {
      area?.focus();
      const end = at + pad.length + markup.length;
      area?.setSelectionRange(end, end);
    });
  }

  private focus(index: number): void {
    this.areaOf(index)?.focus();
  }
}
