import type { Annex, Block, Run, TableBlock, TableCell } from '../document-model';
import { toRoman } from '../format';
import { figureText, figureValue, withUnit, type FiguresByGroup } from './figure-text';
import type { Indicator, IndicatorCatalogue, IndicatorGroup } from './types';

/** The unit column: the count's unit word, "%", the money unit; coded and pass answers show their label in the value cell. */
export function unitColumn(ind: Indicator): string {
  switch (ind.kind.type) {
    case 'count':
      return ind.kind.unit;
    case 'percent':
      return '%';
    case 'money':
      return ind.kind.unit;
    default:
      return '';
  }
}

/** A text indicator with children is a heading row (no value). */
export function isHeadingRow(group: IndicatorGroup, ind: Indicator): boolean {
  return ind.kind.type === 'text' && group.indicators.some((x) => x.parent === ind.code);
}

/** One annex cell: "2.139", "99,81 %" (a rate computed from its part and total), "1.500 triệu đồng", "Có tổ chức"; blank = not reported. */
export function annexCellText(group: IndicatorGroup, figures: FiguresByGroup[string], code: string, period: number): string {
  const shown = figureValue(group, figures, code, period);
  return shown ? withUnit(shown, { countUnit: false }) : '';
}

function groupTable(catalogue: IndicatorCatalogue, group: IndicatorGroup, figures: FiguresByGroup[string]): TableBlock {
  const periods = Math.max(1, catalogue.periods.length);
  const header: TableCell[][] = [
    [{ text: 'STT' }, { text: 'Chỉ tiêu' }, { text: 'Đơn vị tính' }, ...catalogue.periods.map((p) => ({ text: p.label }))],
  ];
  const rows: TableCell[][] = group.indicators.map((ind) => {
    const head = isHeadingRow(group, ind) || !ind.parent;
    const values = Array.from({ length: periods }, (_, p) => ({
      text: isHeadingRow(group, ind) ? '' : annexCellText(group, figures, ind.code, p),
      align: 'right' as const,
      bold: head || undefined,
    }));
    return [
      { text: ind.code, align: 'center', bold: head || undefined },
      { text: ind.part ? `Trong đó: ${ind.name}` : ind.name, bold: head || undefined, italic: ind.part || undefined },
      { text: unitColumn(ind), align: 'center' },
      ...values,
    ];
  });
  const wide = periods > 2;
  return {
    type: 'table',
    header,
    rows,
    widths: [7, wide ? 40 : 52, 13, ...new Array(periods).fill(wide ? 10 : 18)],
    fontSize: wide ? 10 : 11,
  };
}

/**
 * "Phụ lục: Thống kê số liệu" from a report's stored figures: per catalogue group a heading and a
 * table (STT, Chỉ tiêu, Đơn vị tính, one column per period; header repeated on every page, landscape
 * when the renderer finds it wide). Values in Vietnamese format, rates computed, blank = not reported.
 */
export function figuresAnnex(catalogue: IndicatorCatalogue, figuresByGroup: FiguresByGroup): Annex {
  const blocks: Block[] = catalogue.groups.flatMap((g, i): Block[] => [
    { type: 'heading', level: 'item', label: `${toRoman(i + 1)}.`, runs: [{ text: g.title.toLocaleUpperCase('vi') }], children: [] },
    groupTable(catalogue, g, figuresByGroup[g.code]),
  ]);
  return {
    title: catalogue.title.replace(/^Phụ lục\s*:?\s*/iu, ''),
    blocks,
  };
}

/** Runs bound to a figure take the figure's current text (the stored text is only a cache). */
export function bindFigureRuns(blocks: Block[], catalogue: IndicatorCatalogue | undefined, figuresByGroup: FiguresByGroup): Block[] {
  const runs = (rs: Run[]): Run[] => rs.map((r) => (r.figure ? { ...r, text: figureText(catalogue, figuresByGroup, r.figure) } : r));
  return blocks.map((b) => {
    switch (b.type) {
      case 'heading':
        return { ...b, runs: runs(b.runs), children: bindFigureRuns(b.children, catalogue, figuresByGroup) };
      case 'paragraph':
      case 'bullet':
        return { ...b, runs: runs(b.runs) };
      default:
        return b;
    }
  });
}

/** Every figure binding of a block tree (for validation at save time). */
export function figureBindings(blocks: Block[]): NonNullable<Run['figure']>[] {
  const out: NonNullable<Run['figure']>[] = [];
  const walk = (bs: Block[]): void => {
    for (const b of bs) {
      if (b.type === 'table') continue;
      for (const r of b.runs) if (r.figure) out.push(r.figure);
      if (b.type === 'heading') walk(b.children);
    }
  };
  walk(blocks);
  return out;
}
