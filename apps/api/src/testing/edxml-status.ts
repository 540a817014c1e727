import { buildEdxmlStatus, type EdxmlStatus } from '@trinhky/documents';
import type { DataSource } from 'typeorm';

/**
 * An edXML status message from `from` answering the issued report `issued` of the organisation coded
 * `sender` (unsigned: the suite signs it). 02 carries a reason.
 */
export function statusFor(
  sender: string,
  from: EdxmlStatus['from'],
  issued: { numberText: string; issuedAt: string },
  code: string,
  extra: Partial<EdxmlStatus> = {},
): string {
  return buildEdxmlStatus({
    responseFor: {
      organId: sender,
      code: issued.numberText,
      promulgationDate: issued.issuedAt,
      documentId: `${sender},${issued.issuedAt.replace(/-/g, '/')},${issued.numberText}`,
    },
    from,
    statusCode: code,
    description: code === '02' ? 'Sai mẫu biểu số 02' : '',
    timestamp: '2029-03-21T02:00:00.000Z',
    staff: { department: 'Văn thư', staff: 'Lương Thị Thảo' },
    ...extra,
  });
}

/** A report's row and its audit trail: what a refused message must leave as it was. */
export async function reportDbState(ds: DataSource, id: string) {
  return {
    report: (await ds.query(`SELECT state, version, revision, updated_at FROM reports WHERE id = $1`, [id]))[0],
    audit: (await ds.query(`SELECT count(*)::int AS n, max(seq) AS last FROM audit_entries WHERE report_id = $1`, [id]))[0],
  };
}
