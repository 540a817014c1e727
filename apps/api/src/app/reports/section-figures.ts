import { BadRequestException } from '@nestjs/common';
import {
  catalogueForReport,
  checkPartFigures,
  figureBindings,
  figuresProblems,
  findingKey,
  groupForPart,
  resolveBinding,
  type Block,
  type Finding,
  type IndicatorCatalogue,
  type PartFigures,
  type Period,
} from '@trinhky/domain';
import { sha256 } from '../audit/audit-hash';
import { canonical } from './canonical';

/**
 * The catalogue a report was opened with (undefined when its template has no figures), with the
 * report's own columns: one per year ending with its year for the multi-year review.
 */
export function reportCatalogue(report: {
  templateCode: string;
  figuresCatalogueVersion: number | null;
  periodKind: string;
  periodYear: number;
  periodIndex: number | null;
}): IndicatorCatalogue | undefined {
  if (report.figuresCatalogueVersion === null) return undefined;
  const period = {
    kind: report.periodKind,
    year: report.periodYear,
    ...(report.periodIndex ? { index: report.periodIndex } : {}),
  } as Period;
  return catalogueForReport(report.templateCode, report.figuresCatalogueVersion, period);
}

/**
 * A revision's hash: its content alone when it has no figures (older revisions keep their hash), else
 * content and figures together. A run bound to a figure is hashed by its binding, not by its `text`
 * (a display cache): the value itself is hashed with the figures of the part that holds it.
 */
export function revisionHash(content: unknown, figures: PartFigures | null): string {
  const c = hashedContent(content);
  return sha256(canonical(figures ? { content: c, figures } : c));
}

/** The content as hashed: the `text` of bound runs left out (unchanged for content without bound runs). */
export function hashedContent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hashedContent);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (!(k === 'text' && o['figure'] !== undefined)) out[k] = hashedContent(v);
    return out;
  }
  return value;
}

/** Bound runs must name an indicator of the report's catalogue: 400 naming the code otherwise. */
export function acceptBindings(catalogue: IndicatorCatalogue | undefined, blocks: Block[]): void {
  const problems = [
    ...new Set(
      figureBindings(blocks)
        .map((b) => resolveBinding(catalogue, b))
        .flatMap((r) => (r.ok ? [] : [r.reason])),
    ),
  ];
  if (problems.length) throw new BadRequestException(`Số liệu gắn trong văn bản không hợp lệ: ${problems.slice(0, 5).join(' ')}`);
}

export type FindingView = Finding & { key: string; explanation: string | null };

export function findingViews(findings: Finding[], figures: PartFigures | null | undefined): FindingView[] {
  return findings.map((f) => {
    const key = findingKey(f);
    return { ...f, key, explanation: figures?.explanations?.[key] ?? null };
  });
}

/** What GET section shows of a part's figures: its indicators, the stored values and their findings (null: the part has none). */
export function figuresView(catalogue: IndicatorCatalogue | undefined, partCode: string, figures: PartFigures | null) {
  const group = groupForPart(catalogue, partCode);
  if (!group || !catalogue) return null;
  return {
    catalogue: { template: catalogue.template, version: catalogue.version, title: catalogue.title },
    periods: catalogue.periods,
    group: { code: group.code, title: group.title, unit: group.unit, indicators: group.indicators, rules: group.rules },
    values: figures?.values ?? {},
    explanations: figures?.explanations ?? {},
    findings: findingViews(checkPartFigures(catalogue, partCode, figures), figures),
  };
}

/** Validates the figures of a PUT body: 400 naming the indicators at fault; NFC strings; blanks as null. */
export function acceptFigures(catalogue: IndicatorCatalogue | undefined, partCode: string, raw: unknown): PartFigures {
  const problems = figuresProblems(catalogue, partCode, raw);
  if (problems.length)
    throw new BadRequestException(
      `Số liệu không hợp lệ: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (và ${problems.length - 5} lỗi khác)` : ''}`,
    );
  const f = raw as PartFigures;
  const values: PartFigures['values'] = {};
  for (const [code, vs] of Object.entries(f.values))
    values[code] = vs.map((v) => (v === null || !v.trim() ? null : v.normalize('NFC').trim()));
  const explanations: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.explanations ?? {})) if (v.trim()) explanations[k] = v.normalize('NFC').trim();
  return Object.keys(explanations).length ? { values, explanations } : { values };
}
