import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RegisterEntryEntity } from '../database/entities';
import { foldSql, foldedPattern } from '../exchange/search';

type Row = Record<string, unknown>;

const COLUMNS = `r.id, r.organisation_id, r.year, r.register_code, r.number, r.number_text, to_char(r.issued_on, 'YYYY-MM-DD') AS issued_on,
  r.doc_type, r.subject, r.signer_name, r.recipients, r.archive_unit, r.copies, r.report_id, r.dispatched_at`;
const ORDER = 'r.year DESC, r.number DESC, r.id DESC';

/** The WHERE of the register's list (CSV), its page and its count: one filter, one meaning. */
function registerWhere(organisationId: string, year?: number, q?: string): { where: string; params: unknown[] } {
  const params: unknown[] = [organisationId];
  const where = ['r.organisation_id = $1'];
  if (year) where.push(`r.year = $${params.push(year)}`);
  if (q) {
    // Accent-insensitive, every word of the register's searchable columns (number, subject, signer, recipients, type).
    const hay = foldSql(`concat_ws(' ', r.number_text, r.subject, r.signer_name, r.recipients, r.doc_type)`);
    for (const word of q.split(/\s+/).filter(Boolean)) where.push(`${hay} LIKE $${params.push(foldedPattern(word))}`);
  }
  return { where: where.join(' AND '), params };
}

function entry(r: Row): RegisterEntryEntity {
  return {
    id: r['id'] as string,
    organisationId: r['organisation_id'] as string,
    year: r['year'] as number,
    registerCode: r['register_code'] as string,
    number: r['number'] as number,
    numberText: r['number_text'] as string,
    issuedOn: r['issued_on'] as string,
    docType: r['doc_type'] as string,
    subject: r['subject'] as string,
    signerName: r['signer_name'] as string,
    recipients: r['recipients'] as string,
    archiveUnit: r['archive_unit'] as string,
    copies: r['copies'] as number,
    reportId: r['report_id'] as string,
    dispatchedAt: r['dispatched_at'] ? new Date(r['dispatched_at'] as string) : null,
  };
}

/**
 * The outgoing register (sổ văn bản đi): listing, CSV and dispatch marks. Numbers are taken inside
 * the issuing transition's own write statement (see register-sql.ts).
 */
@Injectable()
export class RegisterService {
  constructor(private readonly ds: DataSource) {}

  /** Every entry matching the filters, newest number first (the CSV export). */
  async list(organisationId: string, year?: number, q?: string): Promise<RegisterEntryEntity[]> {
    const { where, params } = registerWhere(organisationId, year, q);
    return (await this.ds.query(`SELECT ${COLUMNS} FROM register_entries r WHERE ${where} ORDER BY ${ORDER}`, params)).map(entry);
  }

  /** One page of the entries matching the filters; `total` by COUNT over the same WHERE, LIMIT/OFFSET bound. */
  async page(
    organisationId: string,
    f: { year?: number; q?: string; limit: number; offset: number },
  ): Promise<{ rows: RegisterEntryEntity[]; total: number }> {
    const { where, params } = registerWhere(organisationId, f.year, f.q);
    const n = params.length;
    const [rows, [count]] = await Promise.all([
      this.ds.query(`SELECT ${COLUMNS} FROM register_entries r WHERE ${where} ORDER BY ${ORDER} LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        f.limit,
        f.offset,
      ]) as Promise<Row[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM register_entries r WHERE ${where}`, params) as Promise<{ n: number }[]>,
    ]);
    return { rows: rows.map(entry), total: count.n };
  }

  async markDispatched(em: EntityManager, reportId: string, at: Date): Promise<void> {
    await em.query('UPDATE register_entries SET dispatched_at = $2 WHERE report_id = $1 AND dispatched_at IS NULL', [reportId, at]);
  }
}

/** ND 30 register columns, as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese). */
export function registerCsv(rows: RegisterEntryEntity[]): string {
  const header = [
    'Số, ký hiệu văn bản',
    'Ngày tháng văn bản',
    'Tên loại và trích yếu nội dung',
    'Người ký',
    'Nơi nhận văn bản',
    'Đơn vị, người nhận bản lưu',
    'Số lượng bản',
    'Ngày chuyển',
    'Ghi chú',
  ];
  const esc = (v: string): string => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const fmt = (iso: string): string => iso.split('-').reverse().join('/');
  const lines = rows.map((r) =>
    [
      r.numberText,
      fmt(r.issuedOn),
      `Báo cáo ${r.subject}`,
      r.signerName,
      r.recipients,
      r.archiveUnit,
      String(r.copies),
      r.dispatchedAt ? fmt(r.dispatchedAt.toISOString().slice(0, 10)) : '',
      '',
    ]
      .map(esc)
      .join(','),
  );
  return '\uFEFF' + [header.map(esc).join(','), ...lines].join('\r\n') + '\r\n';
}
