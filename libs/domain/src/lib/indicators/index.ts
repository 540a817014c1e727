export * from './types';
export * from './values';
export * from './check';
export { kindLabel, YES_NO, PROGRESS } from './build';
export * from './part-figures';
export { CCHC_QUARTERLY_FIGURES } from './catalogue-cchc-quarterly';
export { CCHC_REVIEW_FIGURES } from './catalogue-review';
import { CCHC_QUARTERLY_FIGURES } from './catalogue-cchc-quarterly';
import { CCHC_REVIEW_FIGURES } from './catalogue-review';
import type { IndicatorCatalogue } from './types';

/** Catalogues by template and version: a report keeps the version it was opened with. */
export const CATALOGUES: IndicatorCatalogue[] = [CCHC_QUARTERLY_FIGURES, CCHC_REVIEW_FIGURES];

export function catalogueFor(template: string, version?: number): IndicatorCatalogue | undefined {
  const all = CATALOGUES.filter((c) => c.template === template).sort((a, b) => b.version - a.version);
  return version === undefined ? all[0] : all.find((c) => c.version === version);
}
export * from './figure-text';
export * from './annex-table';
export * from './form';
export * from './report-periods';
export * from './aggregate';
export * from './aggregate-types';
