import { dataCutOff, type Period } from '../periods';
import type { IndicatorCatalogue, PeriodColumn } from './types';
import { catalogueFor } from './index';

/**
 * The columns of a report's figures. A single-period catalogue keeps its own; a multi-year one
 * (`yearly`) gets one column per year ending with the report's year — as many as the catalogue
 * version has, so stored values keep their places — the last one "tính đến" the report's data
 * cut-off (Nghị định 09/2019, as `dataCutOff`): a review of Quý I/2025 → Năm 2021 … "Năm 2025 (tính đến 14/3)".
 */
export function reportPeriods(catalogue: IndicatorCatalogue, period: Period): PeriodColumn[] {
  if (!catalogue.yearly) return catalogue.periods;
  const n = catalogue.periods.length;
  const [, m, d] = dataCutOff(period).to.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const year = period.year - n + 1 + i;
    const label = i === n - 1 ? `Năm ${year} (tính đến ${d}/${m})` : `Năm ${year}`;
    return { key: String(year), label };
  });
}

/** The catalogue a report was opened with (its version), with the report's own columns (and span in the title). */
export function catalogueForReport(template: string, version: number | undefined, period: Period): IndicatorCatalogue | undefined {
  const c = catalogueFor(template, version);
  if (!c?.yearly) return c;
  const periods = reportPeriods(c, period);
  const span = `${periods[0].key}–${periods[periods.length - 1].key}`;
  return { ...c, title: c.title.replace(/\b\d{4}\s*[–-]\s*\d{4}\b/u, span), periods };
}
