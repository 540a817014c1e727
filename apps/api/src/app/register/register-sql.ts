import { REGISTER_NUMBER, registerNumberText as workflowNumberText } from '@trinhky/workflow';

export interface RegisterInput {
  organisationId: string;
  year: number;
  /** Document type abbreviation: "BC". */
  docType: string;
  /** Number suffix: "UBND" → "07/BC-UBND". */
  suffix: string;
  issuedOn: string;
  subject: string;
  signerName: string;
  recipients: string;
  archiveUnit: string;
  reportId: string;
}

/** The number as the register writes it: "07/BC-UBND" (libs/workflow's rule). */
export function registerNumberText(number: number, input: Pick<RegisterInput, 'docType' | 'suffix'>): string {
  return workflowNumberText(number, input.docType, input.suffix);
}

/**
 * `registerNumberText` in SQL, for the statement that takes the number: built from the same
 * declaration (`REGISTER_NUMBER`), and checked against the function by register.int.spec.ts.
 */
export function registerNumberTextSql(n: string, docType: string, suffix: string): string {
  const { minDigits, afterNumber, beforeSuffix } = REGISTER_NUMBER;
  const serial = `(CASE WHEN length(${n}::text) < ${minDigits} THEN lpad(${n}::text, ${minDigits}, '0') ELSE ${n}::text END)`;
  return `(${serial} || '${afterNumber}' || ${docType}::text || '${beforeSuffix}' || ${suffix}::text)`;
}

/**
 * The outgoing register's part of an issuing transition's write statement, as two data-modifying CTEs
 * (`n`: the counter, `e`: the entry, which returns `number` and `number_text`). One counter row per
 * organisation, year and register is incremented in the issuing transaction (INSERT … ON CONFLICT …
 * RETURNING): numbers are consecutive with no gaps (a rollback rolls the counter back; the row lock
 * serialises issuers until commit), and the unique constraint on register_entries makes a duplicate
 * impossible even if the counter were bypassed. `p` binds a value (a parameter or an escaped literal).
 */
export function registerIssueCtes(issue: RegisterInput, p: (v: unknown) => string): string[] {
  const [org, year, code] = [p(issue.organisationId), p(issue.year), p(issue.docType)];
  return [
    `n AS (INSERT INTO register_counters (organisation_id, year, register_code, last_number) VALUES (${org}::uuid, ${year}::int, ${code}::text, 1)
        ON CONFLICT (organisation_id, year, register_code) DO UPDATE SET last_number = register_counters.last_number + 1 RETURNING last_number)`,
    `e AS (INSERT INTO register_entries (organisation_id, year, register_code, number, number_text, issued_on, doc_type, subject, signer_name, recipients, archive_unit, copies, report_id)
        SELECT ${org}::uuid, ${year}::int, ${code}::text, n.last_number, ${registerNumberTextSql('n.last_number', code, p(issue.suffix))}, ${p(issue.issuedOn)}::date, ${code}::text,
               ${p(issue.subject)}, ${p(issue.signerName)}, ${p(issue.recipients)}, ${p(issue.archiveUnit)}, 1, ${p(issue.reportId)}::uuid FROM n
        RETURNING number, number_text)`,
  ];
}
