import { BadRequestException, Injectable } from '@nestjs/common';
import type { ReceiverView } from '@trinhky/contracts';
import { TEMPLATES } from '@trinhky/domain';
import { DataSource } from 'typeorm';
import { AdminAccess } from '../admin/admin-access';
import type { Principal } from '../auth/auth.guard';

/**
 * Which agency receives each report kind of an organisation (`report_receivers`); without a row,
 * its parent. The receiver follows the organisation's reports (followed_organisations) and is the
 * "Kính gửi" of reports opened from its requests. Set by the organisation's admin, among the
 * agencies above it (any depth) and their other children (e.g. the province's Sở Nội vụ).
 */
@Injectable()
export class ReceiversService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AdminAccess,
  ) {}

  async list(p: Principal): Promise<ReceiverView[]> {
    const kinds = [...new Set(Object.values(TEMPLATES).map((t) => t.kind))].sort();
    const rows: { report_kind: string | null; id: string | null; name: string | null; configured: boolean }[] = await this.ds.query(
      `SELECT k.kind AS report_kind, coalesce(rr.receiver_id, me.parent_id) AS id, coalesce(ro.name, po.name) AS name, rr.receiver_id IS NOT NULL AS configured
         FROM unnest($2::text[]) AS k(kind)
         JOIN organisations me ON me.id = $1
         LEFT JOIN report_receivers rr ON rr.organisation_id = $1 AND rr.report_kind = k.kind
         LEFT JOIN organisations ro ON ro.id = rr.receiver_id
         LEFT JOIN organisations po ON po.id = me.parent_id
        ORDER BY k.kind`,
      [p.organisationId, kinds],
    );
    return rows.map((r) => ({
      reportKind: r.report_kind ?? '',
      receiver: r.id ? { id: r.id, name: r.name ?? '' } : null,
      configured: r.configured,
    }));
  }

  async set(p: Principal, reportKind: string, receiverId: string): Promise<ReceiverView> {
    const admin = await this.access.admin(p);
    if (!Object.values(TEMPLATES).some((t) => t.kind === reportKind)) throw new BadRequestException(`Không có loại báo cáo ${reportKind}.`);
    await this.ds.transaction(async (em) => {
      // Allowed: an agency above the organisation, or a child of one above its parent (a Sở of the province),
      // never itself, a sibling (another commune) or below it.
      const ok: unknown[] = await em.query(
        `WITH RECURSIVE up AS (SELECT parent_id AS id FROM organisations WHERE id = $1 UNION SELECT o.parent_id FROM organisations o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
         SELECT 1 FROM organisations c WHERE c.id = $2 AND c.id <> $1 AND (c.id IN (SELECT id FROM up) OR c.parent_id IN (SELECT id FROM up WHERE id <> (SELECT parent_id FROM organisations WHERE id = $1)))
           AND c.id NOT IN (SELECT f.id FROM followed_organisations($1) f)`,
        [p.organisationId, receiverId],
      );
      if (!ok.length)
        throw new BadRequestException('Cơ quan nhận phải là cơ quan cấp trên (hoặc một sở, ngành của cấp trên) của cơ quan mình.');
      await em.query(
        `INSERT INTO report_receivers (organisation_id, report_kind, receiver_id) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id, report_kind) DO UPDATE SET receiver_id = EXCLUDED.receiver_id`,
        [p.organisationId, reportKind, receiverId],
      );
      await this.access.log(em, admin, {
        action: 'receiver.set',
        targetId: receiverId,
        summary: `Chọn cơ quan nhận báo cáo ${reportKind}`,
        details: { reportKind, receiverId },
      });
    });
    const found = (await this.list(p)).find((r) => r.reportKind === reportKind);
    if (!found) throw new BadRequestException(`Không có loại báo cáo ${reportKind}.`);
    return found;
  }
}
