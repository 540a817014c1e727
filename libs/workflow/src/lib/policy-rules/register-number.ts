/**
 * The outgoing register's number text (DOMAIN.md "Numbering and issuing"): "07/BC-UBND" — the number
 * with at least two digits, the document type, the agency's suffix. The register writes the text in
 * the same SQL statement that takes the number; that SQL is built from `REGISTER_NUMBER` and checked
 * against `registerNumberText` by a database test.
 */
import { formatRegisterNumber } from '@trinhky/domain';

export const REGISTER_NUMBER = {
  /** The serial as libs/domain's `formatRegisterNumber` writes it (also on the PDF): "07", "115". */
  minDigits: 2,
  /** Between the number and the document type. */
  afterNumber: '/',
  /** Between the document type and the suffix. */
  beforeSuffix: '-',
} as const;

export function registerNumberText(n: number, docType: string, suffix: string): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`register number must be a positive integer: ${n}`);
  return `${formatRegisterNumber(n)}${REGISTER_NUMBER.afterNumber}${docType}${REGISTER_NUMBER.beforeSuffix}${suffix}`;
}
