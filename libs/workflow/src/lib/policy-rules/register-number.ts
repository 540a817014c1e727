/**
 * The outgoing register's number text (DOMAIN.md "Numbering and issuing"): "07/BC-UBND" — the number
 * with at least two digits, the document type, the agency's suffix. The register writes the text in
 * the same SQL statement that takes the number; that SQL is built from `REGISTER_NUMBER` and checked
 * against `registerNumberText` by a database test.
 */
export const REGISTER_NUMBER = {
  /** Numbers below 10 get a leading zero ("07"); 10 and above are written as they are ("115"). */
  minDigits: 2,
  /** Between the number and the document type. */
  afterNumber: '/',
  /** Between the document type and the suffix. */
  beforeSuffix: '-',
} as const;

export function formatRegisterSerial(n: number): string {
  return String(n).padStart(REGISTER_NUMBER.minDigits, '0');
}

export function registerNumberText(n: number, docType: string, suffix: string): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`register number must be a positive integer: ${n}`);
  return `${formatRegisterSerial(n)}${REGISTER_NUMBER.afterNumber}${docType}${REGISTER_NUMBER.beforeSuffix}${suffix}`;
}
