import type { Finding } from '@trinhky/domain';
import type { AnnexCheck } from './annex-check';
import type { ReadLine } from './narrative';

/** A figure in the text that contradicts the same indicator in the annex (filled in below). */
export function textAgainstAnnex(_lines: ReadLine[], _checks: AnnexCheck[]): Finding[] {
  return [];
}
