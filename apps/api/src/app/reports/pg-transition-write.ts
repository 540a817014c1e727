import { auditInsertSql } from '../audit/audit.service';
import { CHANNEL } from '../notifications/push';
import { registerIssueCtes } from '../register/register-sql';
import type { DecidedTransition } from './report-store';

/** A statement with its bound parameters ($1…$n); no value is ever written into the text. */
export interface BoundSql {
  text: string;
  values: unknown[];
}

/**
 * The last round trip of a transition: every write in one statement (data-modifying CTEs, each run exactly
 * once): the register number (issue only), the changed sections, the report (state, snapshot,
 * version…), the register entry's dispatch date, the audit entry, the outbox rows (in order) and the
 * NOTIFY every API instance relays (sent only if the transaction commits). The text depends only on
 * which parts are present, so a connection prepares each shape once.
 */
export function transitionWriteSql(t: DecidedTransition): BoundSql {
  const { report, sections, audit, outbox, issue, dispatchedAt, pushed } = t;
  const values: unknown[] = [];
  const p = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };
  const ctes: string[] = [];
  if (issue) ctes.push(...registerIssueCtes(issue, p));
  if (sections.length) {
    ctes.push(`s AS (UPDATE sections AS t SET state = c.state, snapshot = c.snapshot, accepted_revision_id = c.accepted_revision_id, last_comment = c.last_comment
        FROM unnest(${p(sections.map((s) => s.id))}::uuid[], ${p(sections.map((s) => s.state))}::text[], ${p(sections.map((s) => JSON.stringify(s.snapshot)))}::jsonb[],
                    ${p(sections.map((s) => s.acceptedRevisionId))}::uuid[], ${p(sections.map((s) => s.lastComment))}::text[]) AS c(id, state, snapshot, accepted_revision_id, last_comment)
        WHERE t.id = c.id AND t.report_id = ${p(report.id)}::uuid)`);
  }
  ctes.push(`r AS (UPDATE reports SET state = ${p(report.state)}, snapshot = ${p(JSON.stringify(report.snapshot))}::jsonb, version = ${p(report.version)}::int, revision = ${p(report.revision)}::int,
        number = ${issue ? '(SELECT number FROM e)' : `${p(report.number)}::int`}, number_text = ${issue ? '(SELECT number_text FROM e)' : `${p(report.numberText)}::text`},
        issued_at = ${p(report.issuedAt)}::date, signer_id = ${p(report.signerId)}::uuid,
        signature = ${p(report.signature === null ? null : JSON.stringify(report.signature))}::jsonb, signed_hash = ${p(report.signedHash)}::text, updated_at = ${p(report.updatedAt)}::timestamptz
        WHERE id = ${p(report.id)}::uuid)`);
  if (dispatchedAt) {
    ctes.push(
      `d AS (UPDATE register_entries SET dispatched_at = ${p(dispatchedAt)}::timestamptz WHERE report_id = ${p(report.id)}::uuid AND dispatched_at IS NULL)`,
    );
  }
  ctes.push(`a AS (${auditInsertSql(audit, p)})`);
  if (outbox.length) {
    ctes.push(`o AS (INSERT INTO outbox (organisation_id, topic, payload)
        SELECT ${p(report.organisationId)}::uuid, x.topic, x.payload FROM unnest(${p(outbox.map((o) => o.topic))}::text[], ${p(outbox.map((o) => JSON.stringify(o.payload)))}::jsonb[]) WITH ORDINALITY AS x(topic, payload, n)
        ORDER BY x.n)`);
  }
  const numbered = issue ? ', (SELECT number FROM e) AS number, (SELECT number_text FROM e) AS number_text' : '';
  return { text: `WITH ${ctes.join(',\n')}\nSELECT pg_notify(${p(CHANNEL)}, ${p(JSON.stringify(pushed))})${numbered}`, values };
}
