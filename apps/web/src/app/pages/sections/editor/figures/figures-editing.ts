import { computed, signal } from '@angular/core';
import type { SectionDetail } from '@trinhky/contracts';
import { catalogueFor, type IndicatorCatalogue, type IndicatorGroup, type PartFigures } from '@trinhky/domain';
import { figuresState, normaliseFigures, submitBlock, type FiguresState } from './figures-model';

/** The figures of the part being edited: typed values, what was saved, the checker's live answer. */
export class FiguresEditing {
  readonly catalogue = signal<IndicatorCatalogue | null>(null);
  readonly group = signal<IndicatorGroup | null>(null);
  readonly partCode = signal('');
  /** As typed (what the inputs show). */
  readonly typed = signal<PartFigures>({ values: {} });
  /** What the last save sent (or what was loaded). */
  readonly saved = signal<string>('');

  readonly state = computed<FiguresState | null>(() => {
    const [c, g] = [this.catalogue(), this.group()];
    return c && g ? figuresState(c, this.partCode(), g, this.typed()) : null;
  });
  /** The figures to save: null when the part has none. */
  readonly payload = computed<PartFigures | null>(() => this.state()?.figures ?? null);
  readonly dirty = computed(() => {
    const p = this.payload();
    return !!p && JSON.stringify(p) !== this.saved();
  });
  /** Why the figures cannot be saved yet (the API would refuse them), or null. */
  readonly unsaveable = computed(() => {
    const s = this.state();
    if (!s) return null;
    const cells = Object.values(s.cells);
    const why = cells.length ? cells : s.problems;
    return why.length ? `Số liệu chưa được lưu: ${why.slice(0, 3).join('; ')}${why.length > 3 ? '; …' : ''}.` : null;
  });
  /** Why submitting is blocked (errors, unexplained warnings), or null. */
  readonly block = computed(() => submitBlock(this.state()));

  load(section: SectionDetail): void {
    const f = section.figures;
    // The report's own columns (one per year of a multi-year review) come with the part's figures.
    const base = f ? catalogueFor(f.catalogue.template, f.catalogue.version) : undefined;
    const catalogue = base && f ? { ...base, periods: f.periods } : null;
    const group = catalogue?.groups.find((g) => g.code === f?.group.code) ?? null;
    this.catalogue.set(catalogue);
    this.group.set(group);
    this.partCode.set(section.code);
    if (!catalogue || !group || !f) {
      this.typed.set({ values: {} });
      this.saved.set('');
      return;
    }
    this.typed.set(normaliseFigures(group, catalogue.periods.length, { values: f.values, explanations: f.explanations }));
    this.saved.set(JSON.stringify(this.payload()));
  }

  markSaved(sent: PartFigures | null): void {
    if (sent) this.saved.set(JSON.stringify(sent));
  }
}
