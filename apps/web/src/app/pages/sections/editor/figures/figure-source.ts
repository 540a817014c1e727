import { computed, signal } from '@angular/core';
import type { ReportDetail } from '@trinhky/contracts';
import {
  catalogueForReport,
  figureText,
  groupForPart,
  kindLabel,
  type FigureBinding,
  type FiguresByGroup,
  type IndicatorCatalogue,
  type PartFigures,
  type Period,
  type Block,
  type Run,
  type SectionContent,
} from '@trinhky/domain';

export interface FigureOption {
  binding: FigureBinding;
  /** "TTHC 5.1 — Hồ sơ giải quyết trước hạn và đúng hạn (Hồ sơ)". */
  label: string;
  groupTitle: string;
}

/** Markup of a bound figure in the editor's text: {{TTHC:5.1}} or, for a year of a multi-year report, {{PL1:2@3}}. */
export function bindingMarkup(b: FigureBinding): string {
  return `{{${b.group ?? ''}:${b.code}${b.period ? `@${b.period}` : ''}}}`;
}

const BINDING_RE = /^([A-Za-z0-9_]*):([\w.]+)(?:@(\d+))?$/;

export function parseBinding(inner: string): FigureBinding | null {
  const m = BINDING_RE.exec(inner.trim());
  if (!m) return null;
  const b: FigureBinding = { code: m[2] };
  if (m[1]) b.group = m[1];
  if (m[3] && Number(m[3]) > 0) b.period = Number(m[3]);
  return b;
}

/** Every indicator with a value of a catalogue, one option per period, for the "Chèn số liệu" picker. */
export function figureOptions(catalogue: IndicatorCatalogue): FigureOption[] {
  const multi = catalogue.periods.length > 1;
  return catalogue.groups.flatMap((g) =>
    g.indicators
      .filter((i) => !(i.kind.type === 'text' && g.indicators.some((c) => c.parent === i.code)))
      .flatMap((i) =>
        catalogue.periods.map((p, pi) => {
          const unit = kindLabel(i.kind);
          const binding: FigureBinding = pi ? { group: g.code, code: i.code, period: pi } : { group: g.code, code: i.code };
          const label = `${i.code} — ${i.name}${unit && i.kind.type !== 'coded' ? ` (${unit})` : ''}${multi ? ` — ${p.label}` : ''}`;
          return { binding, label, groupTitle: g.title };
        }),
      ),
  );
}

/**
 * The report's figures as the editor's chips read them: the part being edited live (as typed),
 * the other parts as last saved (loaded once).
 */
export class FigureSource {
  readonly catalogue = signal<IndicatorCatalogue | null>(null);
  /** Saved figures of the other parts, by part code. */
  readonly others = signal<Record<string, PartFigures | null>>({});
  /** This part's code and live figures. */
  readonly partCode = signal('');
  readonly live = signal<PartFigures | null>(null);

  readonly byGroup = computed<FiguresByGroup>(() => {
    const c = this.catalogue();
    if (!c) return {};
    const out: FiguresByGroup = {};
    const parts = { ...this.others(), ...(this.live() ? { [this.partCode()]: this.live() } : {}) };
    for (const [part, f] of Object.entries(parts)) {
      const g = groupForPart(c, part);
      if (g) out[g.code] = f;
    }
    return out;
  });
  readonly options = computed(() => {
    const c = this.catalogue();
    return c ? figureOptions(c) : [];
  });

  /** "2.139 hồ sơ", "99,81 %": what a chip shows. */
  text(b: FigureBinding): string {
    return figureText(this.catalogue() ?? undefined, this.byGroup(), b);
  }

  /** The report's catalogue (the version it was opened with when a part says so) and the saved figures of its parts. */
  async load(
    report: ReportDetail,
    version: number | undefined,
    loadPart: (sectionId: string) => Promise<PartFigures | null>,
  ): Promise<void> {
    const c = catalogueForReport(report.templateCode, version, report.period as Period) ?? null;
    this.catalogue.set(c);
    if (!c) return;
    const sections = report.sections.filter((s) => groupForPart(c, s.code) && s.code !== this.partCode());
    const loaded = await Promise.all(sections.map(async (s) => [s.code, await loadPart(s.id).catch(() => null)] as const));
    this.others.set(Object.fromEntries(loaded));
  }
}

/** The content with each bound run's display text set to its figure's current value (the API stores it as a cache). */
export function withFigureTexts(content: SectionContent, text: (b: FigureBinding) => string): SectionContent {
  let changed = false;
  const runs = (rs: Run[]): Run[] =>
    rs.map((r) => {
      if (!r.figure) return r;
      const t = text(r.figure);
      if (t === r.text) return r;
      changed = true;
      return { ...r, text: t };
    });
  const walk = (blocks: Block[]): Block[] =>
    blocks.map((b) => {
      if (b.type === 'paragraph' || b.type === 'bullet') return { ...b, runs: runs(b.runs) };
      if (b.type === 'heading') return { ...b, runs: runs(b.runs), children: walk(b.children ?? []) };
      return b;
    });
  const out = { ...content, blocks: walk(content.blocks) };
  return changed ? out : content;
}
