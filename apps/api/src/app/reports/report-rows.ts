import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ReportEntity, SectionEntity } from '../database/entities';

/**
 * Raw rows of the hot path (a transition reads one report and its sections on every event), mapped
 * by hand instead of through TypeORM's query builder and hydration, which cost more CPU than the
 * queries themselves. Dates (`date` columns) are read as text, as TypeORM hydrates them.
 * Keep in step with ReportEntity / SectionEntity.
 */
export const REPORT_COLUMNS = `id, organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title,
  subject, recipients, distribution, basis, state, snapshot, version, definition_version, figures_catalogue_version, policy, revision,
  deadline::text AS deadline, cutoff_from::text AS cutoff_from, cutoff_to::text AS cutoff_to, number, number_text,
  issued_at::text AS issued_at, signer_id, signature, signed_hash, overdue, next_reminder_at, created_by, created_at, updated_at`;

type Row = Record<string, unknown>;

export { readableBy } from '../organisation/readable-sql';

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));

export function reportFromRow(r: Row): ReportEntity {
  return Object.assign(new ReportEntity(), {
    id: r['id'] as string,
    organisationId: r['organisation_id'] as string,
    templateCode: r['template_code'] as string,
    kind: r['kind'] as string,
    periodKind: r['period_kind'] as string,
    periodYear: r['period_year'] as number,
    periodIndex: r['period_index'] as number | null,
    periodKey: r['period_key'] as string,
    title: r['title'] as string,
    subject: r['subject'] as string[],
    recipients: r['recipients'] as string[],
    distribution: r['distribution'] as string[],
    basis: r['basis'] as string | null,
    state: r['state'] as string,
    snapshot: r['snapshot'],
    version: r['version'] as number,
    definitionVersion: r['definition_version'] as number,
    figuresCatalogueVersion: (r['figures_catalogue_version'] as number | null) ?? null,
    policy: r['policy'] as Record<string, unknown>,
    revision: r['revision'] as number,
    deadline: r['deadline'] as string,
    cutoffFrom: r['cutoff_from'] as string,
    cutoffTo: r['cutoff_to'] as string,
    number: r['number'] as number | null,
    numberText: r['number_text'] as string | null,
    issuedAt: r['issued_at'] as string | null,
    signerId: r['signer_id'] as string | null,
    signature: r['signature'] as ReportEntity['signature'],
    signedHash: r['signed_hash'] as string | null,
    overdue: r['overdue'] as boolean,
    nextReminderAt: date(r['next_reminder_at']),
    createdBy: r['created_by'] as string,
    createdAt: date(r['created_at']) as Date,
    updatedAt: date(r['updated_at']) as Date,
  });
}

/**
 * Sections of a report as one JSON array, in order (`row_to_json` keeps column names; `date` columns
 * become "yyyy-mm-dd" strings, timestamps ISO strings). `$1` is the report id.
 */
export const SECTIONS_JSON = `(SELECT coalesce(json_agg(s ORDER BY s.sort_order), '[]'::json) FROM sections s WHERE s.report_id = $1)`;

export function sectionFromRow(r: Row): SectionEntity {
  return Object.assign(new SectionEntity(), {
    id: r['id'] as string,
    reportId: r['report_id'] as string,
    organisationId: r['organisation_id'] as string,
    code: r['code'] as string,
    label: r['label'] as string,
    title: r['title'] as string,
    level: r['level'] as string,
    parentCode: r['parent_code'] as string | null,
    sortOrder: r['sort_order'] as number,
    unitCode: r['unit_code'] as string,
    assigneeId: r['assignee_id'] as string | null,
    state: r['state'] as string,
    snapshot: r['snapshot'],
    deadline: r['deadline'] as string,
    currentRevisionId: r['current_revision_id'] as string | null,
    currentContentHash: r['current_content_hash'] as string | null,
    acceptedRevisionId: r['accepted_revision_id'] as string | null,
    lastComment: r['last_comment'] as string | null,
    overdue: r['overdue'] as boolean,
    nextReminderAt: date(r['next_reminder_at']),
  });
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const statementNames = new Map<string, string>();

/**
 * Runs `text` as a named prepared statement on the connection of `em`'s transaction: PostgreSQL
 * parses it once per connection and, after a few runs, reuses a generic plan. For the statements of
 * the hot path, planning cost more than executing. Outside a transaction it is an ordinary query.
 */
export async function queryPrepared<T>(em: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = em.queryRunner as (QueryRunner & { connect(): Promise<unknown> }) | undefined;
  if (!runner || runner.isReleased || !runner.isTransactionActive) return em.query(text, values);
  if (!statementNames.has(text) && statementNames.size >= 64) return em.query(text, values); // a fixed set of texts is expected; never grow without bound
  const client = (await runner.connect()) as PgClient;
  return (await client.query({ name: nameOf(text), text, values })).rows as T[];
}

function nameOf(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `tk_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as the named prepared statement `name` on a connection of the DataSource's pool
 * (PostgreSQL plans it once per connection): for the one-statement reads of the pages' hot paths.
 */
export async function queryPooled<T = Record<string, unknown>>(
  ds: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const [client, release] = (await (ds.driver as PostgresDriver).obtainMasterConnection()) as [PoolClient, () => void];
  try {
    return (await client.query({ name, text, values })).rows as T[];
  } finally {
    release();
  }
}
