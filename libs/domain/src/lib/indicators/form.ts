import { computeRates } from './check';
import { checkPartFigures, groupForPart, groupValues, type PartFigures } from './part-figures';
import type { Finding, IndicatorCatalogue } from './types';

export interface FormState {
  /** Every finding of the part's figures as typed (errors and warnings). */
  findings: Finding[];
  /** Rates computed from their part and total (percent points; null when a figure is missing). */
  rates: Record<string, (number | null)[]>;
}

/**
 * What the figures form recomputes on every keystroke (pure): the part's findings and its computed
 * rates, from the values as typed (Vietnamese format strings). `npm run bench:check` times it.
 */
export function recomputeForm(
  catalogue: IndicatorCatalogue | undefined,
  partCode: string,
  figures: PartFigures | null | undefined,
): FormState {
  const group = groupForPart(catalogue, partCode);
  if (!group || !catalogue) return { findings: [], rates: {} };
  return {
    findings: checkPartFigures(catalogue, partCode, figures),
    rates: computeRates(group, groupValues(figures), catalogue.periods.length),
  };
}
