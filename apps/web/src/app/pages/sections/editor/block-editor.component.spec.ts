import { TestBed } from '@angular/core/testing';
import { BlockEditorComponent } from './block-editor.component';
import type { EditorBlock } from './editor-model';
import type { FigureOption } from './figures/figure-source';

const OPTIONS: FigureOption[] = [
  { groupTitle: 'Thủ tục hành chính', label: '5.3 Tỷ lệ đúng hạn', binding: { group: 'TTHC', code: '5.3' } },
];

async function render(blocks: EditorBlock[]) {
  await TestBed.configureTestingModule({ imports: [BlockEditorComponent] }).compileComponents();
  const fixture = TestBed.createComponent(BlockEditorComponent);
  const emitted: EditorBlock[][] = [];
  // The page keeps the emitted list and passes it back, but only at the next change detection.
  fixture.componentInstance.changed.subscribe((list) => emitted.push(list));
  fixture.componentRef.setInput('blocks', blocks);
  fixture.componentRef.setInput('figureOptions', OPTIONS);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const area = el.querySelector('textarea') as HTMLTextAreaElement;
  const type = (text: string): void => {
    area.value += text;
    area.setSelectionRange(area.value.length, area.value.length);
    area.dispatchEvent(new Event('input'));
  };
  const insert = (markup: string): void => {
    const pick = el.querySelector<HTMLSelectElement>('[data-testid="insert-figure"]') as HTMLSelectElement;
    pick.value = markup;
    pick.dispatchEvent(new Event('change'));
  };
  return { fixture, emitted, type, insert };
}

const textOf = (list: EditorBlock[] | undefined): string => {
  const b = list?.[0];
  return b && 'text' in b ? b.text : '';
};

describe('BlockEditorComponent', () => {
  it('keeps what was just typed when a figure is inserted before the page passed the text back', async () => {
    const { emitted, type, insert } = await render([{ id: 1, kind: 'paragraph', text: 'Giải quyết đúng hạn' }]);
    type(', đạt');
    type(' tỷ lệ ');
    insert('{{TTHC:5.3}}');
    expect(textOf(emitted.at(-1))).toBe('Giải quyết đúng hạn, đạt tỷ lệ {{TTHC:5.3}}');
  });

  it('keeps the typed text when a block is added right after typing', async () => {
    const { fixture, emitted, type } = await render([{ id: 1, kind: 'paragraph', text: 'Đoạn' }]);
    type(' một');
    const add = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="add-paragraph"]');
    add?.click();
    expect(emitted.at(-1)?.length).toBe(2);
    expect(textOf(emitted.at(-1))).toBe('Đoạn một');
  });

  it('edits the list the page passes back once it has', async () => {
    const { fixture, emitted, type, insert } = await render([{ id: 1, kind: 'paragraph', text: 'A' }]);
    type(' b');
    fixture.componentRef.setInput('blocks', [{ id: 1, kind: 'paragraph', text: 'Khác' }]);
    await fixture.whenStable();
    insert('{{TTHC:5.3}}');
    expect(textOf(emitted.at(-1))).toBe('Khác {{TTHC:5.3}}');
  });
});
