import type { SectionContent } from '@trinhky/domain';
import { diffLines, diffStats } from './diff';
import {
  addColumn,
  addRow,
  columnCount,
  emptyTable,
  fromEditorBlocks,
  markupToRuns,
  mergeContents,
  removeColumn,
  runsToMarkup,
  toEditorBlocks,
  type EditorBlock,
} from './editor-model';

describe('inline markup ↔ runs', () => {
  it('maps bold, italic and both', () => {
    expect(markupToRuns('Tổng số **2.143** hồ sơ, *trong đó* ***99,81%***')).toEqual([
      { text: 'Tổng số ' },
      { text: '2.143', bold: true },
      { text: ' hồ sơ, ' },
      { text: 'trong đó', italic: true },
      { text: ' ' },
      { text: '99,81%', bold: true, italic: true },
    ]);
  });

  it('keeps unpaired and escaped stars as text', () => {
    expect(markupToRuns('a * b')).toEqual([{ text: 'a * b' }]);
    expect(markupToRuns('5 \\* 3 = 15')).toEqual([{ text: '5 * 3 = 15' }]);
  });

  it('round-trips runs, including literal stars, backslashes and footnotes', () => {
    const runs = [
      { text: 'Điểm *đặc biệt* \\ ' },
      { text: 'quan trọng', bold: true, footnote: 'Theo Văn bản số 1620/SNV-CCHC' },
      { text: ' và ' },
      { text: 'nghiêng', italic: true },
    ];
    expect(markupToRuns(runsToMarkup(runs))).toEqual(runs);
  });

  it('normalises to NFC (decomposed Vietnamese from pasted text)', () => {
    const decomposed = 'Cải cách'.normalize('NFD');
    expect(markupToRuns(decomposed)[0].text).toBe('Cải cách');
  });

  it('never yields an empty run list', () => {
    expect(markupToRuns('')).toEqual([{ text: '' }]);
  });
});

describe('document model ↔ editor blocks', () => {
  const content: SectionContent = {
    blocks: [
      { type: 'paragraph', runs: [{ text: 'Mở đầu ' }, { text: 'đậm', bold: true }] },
      {
        type: 'heading',
        level: 'item',
        label: '1.',
        runs: [{ text: 'Công tác kiểm tra' }],
        children: [
          { type: 'bullet', marker: '-', runs: [{ text: 'Kiểm tra 02 cơ quan' }] },
          { type: 'bullet', marker: '+', runs: [{ text: 'trong đó 01 đơn vị' }] },
          {
            type: 'heading',
            level: 'point',
            label: 'a)',
            runs: [{ text: 'Kết quả' }],
            children: [{ type: 'paragraph', runs: [{ text: 'Tốt' }] }],
          },
        ],
      },
      { type: 'heading', level: 'item', label: '2.', runs: [{ text: 'Tuyên truyền' }], children: [] },
      {
        type: 'table',
        header: [
          [
            { text: 'STT', bold: true },
            { text: 'Chỉ tiêu', bold: true },
          ],
        ],
        rows: [[{ text: '1' }, { text: 'Hồ sơ', align: 'right' }]],
        legend: ['Có = 1; Không = 0'],
      },
    ],
  };

  it('flattens headings and rebuilds the same tree', () => {
    const flat = toEditorBlocks(content);
    expect(flat.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'bullet', 'bullet', 'heading', 'paragraph', 'heading', 'table']);
    // The table after "2." becomes its child: a table follows the heading it is under.
    const back = fromEditorBlocks(flat);
    expect(back.blocks.slice(0, 2)).toEqual(content.blocks.slice(0, 2));
    const two = back.blocks[2];
    expect(two.type === 'heading' && two.children).toEqual([content.blocks[3]]);
  });

  it('drops empty paragraphs and bullets', () => {
    const blocks: EditorBlock[] = [
      { id: 1, kind: 'paragraph', text: '   ' },
      { id: 2, kind: 'bullet', marker: '-', text: '' },
      { id: 3, kind: 'paragraph', text: ' Nội dung ' },
    ];
    expect(fromEditorBlocks(blocks)).toEqual({ blocks: [{ type: 'paragraph', runs: [{ text: 'Nội dung' }] }] });
  });

  it('turns a paragraph typed as "- …" or "+ …" into a bullet', () => {
    const blocks: EditorBlock[] = [
      { id: 1, kind: 'paragraph', text: '- Kiểm tra 02 cơ quan' },
      { id: 2, kind: 'paragraph', text: '+ trong đó **01** đơn vị' },
      { id: 3, kind: 'paragraph', text: '-5 độ' },
    ];
    expect(fromEditorBlocks(blocks).blocks).toEqual([
      { type: 'bullet', marker: '-', runs: [{ text: 'Kiểm tra 02 cơ quan' }] },
      { type: 'bullet', marker: '+', runs: [{ text: 'trong đó ' }, { text: '01', bold: true }, { text: ' đơn vị' }] },
      { type: 'paragraph', runs: [{ text: '-5 độ' }] },
    ]);
  });

  it('closes a deeper heading when a higher one follows', () => {
    const blocks: EditorBlock[] = [
      { id: 1, kind: 'heading', level: 'item', label: '1.', text: 'A' },
      { id: 2, kind: 'heading', level: 'point', label: 'a)', text: 'A.a' },
      { id: 3, kind: 'heading', level: 'item', label: '2.', text: 'B' },
      { id: 4, kind: 'paragraph', text: 'thuộc 2.' },
    ];
    const out = fromEditorBlocks(blocks).blocks;
    expect(out).toHaveLength(2);
    expect(out[1].type === 'heading' && out[1].children).toEqual([{ type: 'paragraph', runs: [{ text: 'thuộc 2.' }] }]);
  });

  it('copies tables instead of sharing them', () => {
    const flat = toEditorBlocks(content);
    const table = flat[7];
    if (table.kind !== 'table') throw new Error('expected a table');
    table.table.rows[0][1].text = 'đã sửa';
    const original = content.blocks[3];
    expect(original.type === 'table' && original.rows[0][1].text).toBe('Hồ sơ');
  });
});

describe('table editing', () => {
  it('adds and removes rows and columns', () => {
    let t = emptyTable(2);
    expect(columnCount(t)).toBe(2);
    t = addRow(addColumn(t));
    expect(columnCount(t)).toBe(3);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[1]).toHaveLength(3);
    t = removeColumn(removeColumn(removeColumn(t)));
    expect(columnCount(t)).toBe(1);
  });

  it('counts spanned columns', () => {
    expect(columnCount({ type: 'table', header: [[{ text: 'A', colSpan: 3 }]], rows: [[{ text: '1' }]] })).toBe(3);
  });
});

describe('conflict merge and revision diff', () => {
  it('keeps theirs and adds what only I wrote', () => {
    const theirs: SectionContent = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Chung' }] },
        { type: 'paragraph', runs: [{ text: 'Của họ' }] },
      ],
    };
    const mine: SectionContent = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Chung' }] },
        { type: 'paragraph', runs: [{ text: 'Của tôi' }] },
      ],
    };
    const merged = mergeContents(mine, theirs);
    expect(merged.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['Chung', 'Của họ', 'Của tôi']);
  });

  it('diffs lines', () => {
    const d = diffLines(['a', 'b', 'c'], ['a', 'c', 'd']);
    expect(d).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
    expect(diffStats(d)).toEqual({ added: 1, removed: 1 });
  });
});
