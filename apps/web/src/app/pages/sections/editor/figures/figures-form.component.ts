import { Component, ElementRef, afterNextRender, computed, effect, inject, input, output, untracked, Injector } from '@angular/core';
import { findingKey, type Finding, type IndicatorCatalogue, type IndicatorGroup, type PartFigures } from '@trinhky/domain';
import { displayValue, figureRows, findingsOf, formatTyped, tiedCells, type FigureRow, type FiguresState } from './figures-model';

/**
 * A part's indicators as a form: one row per indicator ("Trong đó" sub-rows indented), one input
 * per period; computed rates read-only; each finding under the row it starts from, warnings with
 * the one-line explanation the drafter gives (the reviewer reads it in read-only mode).
 */
@Component({
  selector: 'tk-figures-form',
  templateUrl: './figures-form.component.html',
  styleUrl: './figures-form.component.scss',
})
export class FiguresFormComponent {
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly injector = inject(Injector);

  readonly catalogue = input.required<IndicatorCatalogue>();
  readonly group = input.required<IndicatorGroup>();
  /** Values as typed (what the inputs show). */
  readonly typed = input.required<PartFigures>();
  /** The checker's answer for those values (computed rates filled in). */
  readonly state = input.required<FiguresState>();
  readonly readonly = input(false);
  /** Indicator code to scroll to and focus (from the checks panel's link). */
  readonly focusCode = input<string | null>(null);
  readonly changed = output<PartFigures>();

  protected readonly rows = computed<FigureRow[]>(() => figureRows(this.group()));
  protected readonly periods = computed(() => this.catalogue().periods);
  protected readonly tied = computed(() =>
    tiedCells(
      this.state().findings,
      this.periods().map((p) => p.label),
    ),
  );
  protected readonly errors = computed(() => this.state().findings.filter((f) => f.severity === 'error').length);
  protected readonly warnings = computed(() => this.state().findings.length - this.errors());
  protected readonly findingKey = findingKey;
  protected readonly displayValue = displayValue;

  constructor() {
    effect(() => {
      const code = this.focusCode();
      if (!code) return;
      untracked(() =>
        afterNextRender(
          () => {
            const el = (this.host.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-figure-row="${CSS.escape(code)}"]`);
            el?.scrollIntoView({ block: 'center' });
            el?.querySelector<HTMLElement>('input, select')?.focus();
          },
          { injector: this.injector },
        ),
      );
    });
  }

  protected findingsOf(code: string): Finding[] {
    return findingsOf(this.state().findings, code);
  }

  protected raw(code: string, p: number): string {
    return this.typed().values[code]?.[p] ?? '';
  }

  /** The shown value of a computed rate (the state holds it filled in). */
  protected computedValue(row: FigureRow, p: number): string {
    return displayValue(row, this.state().figures.values[row.ind.code]?.[p] ?? null);
  }

  protected cellProblem(code: string, p: number): string | undefined {
    return this.state().cells[`${code}@${p}`];
  }

  protected set(code: string, p: number, value: string): void {
    const t = this.typed();
    const vs = [...(t.values[code] ?? this.periods().map(() => null))];
    vs[p] = value.normalize('NFC').trim() ? value.normalize('NFC') : null;
    this.changed.emit({ ...t, values: { ...t.values, [code]: vs } });
  }

  /** On leaving a number field: "2139" → "2.139". */
  protected blur(row: FigureRow, p: number, el: HTMLInputElement): void {
    const raw = this.raw(row.ind.code, p);
    if (!raw) return;
    const shown = formatTyped(raw);
    if (shown !== raw) {
      el.value = shown;
      this.set(row.ind.code, p, shown);
    }
  }

  protected explain(f: Finding, text: string): void {
    const t = this.typed();
    const explanations = { ...(t.explanations ?? {}), [findingKey(f)]: text.replace(/[\r\n]+/g, ' ').normalize('NFC') };
    this.changed.emit({ ...t, explanations });
  }

  protected explanation(f: Finding): string {
    return this.typed().explanations?.[findingKey(f)] ?? '';
  }

  protected cellId(code: string, p: number): string {
    return `fig-${this.group().code}-${code}-${p}`.replace(/[^\w-]/g, '_');
  }
}
