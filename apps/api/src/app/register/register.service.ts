import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RegisterEntryEntity } from '../database/entities';

/**
 * The outgoing register (sổ văn bản đi): listing, CSV and dispatch marks. Numbers are taken inside
 * the issuing transition's own write statement (see register-sql.ts).
 */
@Injectable()
export class RegisterService {
  constructor(private readonly ds: DataSource) {}

  async list(organisationId: string, year?: number, q?: string): Promise<RegisterEntryEntity[]> {
    const qb = this.ds
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('r')
      .where('r.organisation_id = :org', { org: organisationId });
    if (year) qb.andWhere('r.year = :year', { year });
    if (q) qb.andWhere('(r.subject ILIKE :q OR r.number_text ILIKE :q)', { q: `%${q.replace(/[%_\\]/g, (c) => '\\' + c)}%` });
    return qb.orderBy('r.year', 'DESC').addOrderBy('r.number', 'DESC').getMany();
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
