import { Injectable } from '@nestjs/common';
import { formatRegisterNumber } from '@trinhky/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { RegisterEntryEntity } from '../database/entities';

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

/**
 * The outgoing register (sổ văn bản đi): one counter row per organisation, year and register,
 * incremented atomically inside the issuing transaction (INSERT … ON CONFLICT … RETURNING), so
 * numbers are consecutive with no gaps from concurrent issues; the unique constraint on
 * register_entries makes a duplicate impossible even if the counter were bypassed.
 */
@Injectable()
export class RegisterService {
  constructor(private readonly ds: DataSource) {}

  async issue(em: EntityManager, input: RegisterInput): Promise<RegisterEntryEntity> {
    const rows: { last_number: number }[] = await em.query(
      `INSERT INTO register_counters (organisation_id, year, register_code, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (organisation_id, year, register_code) DO UPDATE SET last_number = register_counters.last_number + 1
       RETURNING last_number`,
      [input.organisationId, input.year, input.docType],
    );
    const number = Number(rows[0].last_number);
    const repo = em.getRepository(RegisterEntryEntity);
    return repo.save(
      repo.create({
        organisationId: input.organisationId,
        year: input.year,
        registerCode: input.docType,
        number,
        numberText: `${formatRegisterNumber(number)}/${input.docType}-${input.suffix}`,
        issuedOn: input.issuedOn,
        docType: input.docType,
        subject: input.subject,
        signerName: input.signerName,
        recipients: input.recipients,
        archiveUnit: input.archiveUnit,
        copies: 1,
        reportId: input.reportId,
        dispatchedAt: null,
      }),
    );
  }

  async list(organisationId: string, year?: number, q?: string): Promise<RegisterEntryEntity[]> {
    const qb = this.ds.getRepository(RegisterEntryEntity).createQueryBuilder('r').where('r.organisation_id = :org', { org: organisationId });
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
  const header = ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ghi chú'];
  const esc = (v: string): string => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const fmt = (iso: string): string => iso.split('-').reverse().join('/');
  const lines = rows.map((r) =>
    [r.numberText, fmt(r.issuedOn), `Báo cáo ${r.subject}`, r.signerName, r.recipients, r.archiveUnit, String(r.copies), r.dispatchedAt ? fmt(r.dispatchedAt.toISOString().slice(0, 10)) : '', ''].map(esc).join(','),
  );
  return '\uFEFF' + [header.map(esc).join(','), ...lines].join('\r\n') + '\r\n';
}
