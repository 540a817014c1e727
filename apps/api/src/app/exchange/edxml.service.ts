import { isIssuedState } from '@trinhky/workflow';
import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { AgencyCodeView, EdxmlStatusResult } from '@trinhky/contracts';
import {
  buildEdxmlEnvelope,
  EDXML_STATUS,
  EdxmlError,
  parseEdxmlStatus,
  signEdxml,
  splitDocumentId,
  verifyEdxmlSignature,
  type EdxmlSignatureCheck,
  type EdxmlStatus,
} from '@trinhky/documents';
import { TEMPLATES } from '@trinhky/domain';
import { DataSource } from 'typeorm';
import { AdminAccess, isUniqueViolation } from '../admin/admin-access';
import type { Principal } from '../auth/auth.guard';
import { OrganisationEntity, type ReportEntity } from '../database/entities';
import { PdfService } from '../documents/pdf.service';
import { SigningService } from '../documents/signing/signing.service';
import { ReportsService } from '../reports/reports.service';
import { TransitionsService } from '../reports/transitions.service';
import { envelopeOf } from './edxml-envelope';

interface Organ {
  id: string;
  name: string;
  agency_code: string | null;
}

/**
 * edXML (QCVN 102:2016/BTTTT; docs/edxml.md): the envelope of an issued report, and the recipient's
 * status messages recorded as the report's receipt or refusal through the workflow's own events
 * (`acknowledge`, `refuse` — the văn thư's hand-recorded transitions), so every rule still applies.
 */
@Injectable()
export class EdxmlService {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly pdf: PdfService,
    private readonly transitions: TransitionsService,
    private readonly access: AdminAccess,
    private readonly signing: SigningService,
  ) {}

  /** The receiving agency of a report: report_receivers for its kind, else the organisation's parent. */
  private async receiverOf(report: ReportEntity): Promise<Organ | null> {
    const kind = TEMPLATES[report.templateCode]?.kind ?? report.kind;
    const rows: Organ[] = await this.ds.query(
      `SELECT o.id, o.name, o.agency_code FROM organisations me
         LEFT JOIN report_receivers rr ON rr.organisation_id = me.id AND rr.report_kind = $2
         JOIN organisations o ON o.id = coalesce(rr.receiver_id, me.parent_id)
        WHERE me.id = $1`,
      [report.organisationId, kind],
    );
    return rows[0] ?? null;
  }

  async envelope(p: Principal, id: string, now = new Date()): Promise<{ report: ReportEntity; xml: string }> {
    const report = await this.reports.load(p, id);
    if (!report.numberText || !report.issuedAt || !report.signature || !isIssuedState(report.state))
      throw new ConflictException('Chỉ báo cáo đã ban hành (đã cấp số và ký số) mới đóng gói edXML được.');
    const org = await this.ds.getRepository(OrganisationEntity).findOneByOrFail({ id: report.organisationId });
    const to = await this.receiverOf(report);
    if (!org.agencyCode)
      throw new UnprocessableEntityException(`Đơn vị ${org.name} chưa có mã định danh điện tử (Quản trị → mã định danh).`);
    if (!to) throw new UnprocessableEntityException('Báo cáo chưa có cơ quan nhận.');
    if (!to.agency_code) throw new UnprocessableEntityException(`Cơ quan nhận ${to.name} chưa có mã định danh điện tử.`);
    const pdf = await this.pdf.pdfFor(report);
    if (!pdf.frozen) throw new ConflictException('Bản PDF đã ký của báo cáo chưa sẵn sàng; thử lại sau ít phút.');
    const document = await this.pdf.documentFor(id);
    const unsigned = buildEdxmlEnvelope(
      envelopeOf({
        report: { numberText: report.numberText, issuedAt: report.issuedAt, deadline: report.deadline, signature: report.signature },
        from: { organId: org.agencyCode, organName: org.name },
        to: { organId: to.agency_code, organName: to.name },
        document,
        pdf: pdf.bytes,
        pdfName: `bao-cao-${report.numberText.replace(/\//g, '-')}.pdf`,
        now,
      }),
    );
    // The envelope carries the organisation's signature (detached CMS, docs/edxml.md) besides the PDF's own.
    const xml = await signEdxml(unsigned, await this.signing.organisationSigner(org));
    return { report, xml };
  }

  private parse(xml: string): EdxmlStatus {
    try {
      return parseEdxmlStatus(xml);
    } catch (err) {
      if (err instanceof EdxmlError) throw new BadRequestException(err.message);
      throw err;
    }
  }

  /**
   * Records a status message: 03–06 → `acknowledge`, 02 → `refuse` with its Description, 01 → nothing.
   * `raw` is the message's bytes as received (its signature covers them); `now` the time of receipt,
   * at which the signer's certificate must be valid.
   */
  async importStatus(p: Principal, xml: string, raw: Buffer = Buffer.from(xml, 'utf8'), now = new Date()): Promise<EdxmlStatusResult> {
    const status = this.parse(xml);
    const signature = verifyEdxmlSignature(raw, await this.signing.trustList(), now);
    if (signature.status === 'unsigned')
      throw new UnprocessableEntityException(
        'Thông điệp trạng thái chưa được ký số; không có gì thay đổi. Trình Ký chỉ nhận thông điệp trạng thái có chữ ký số của cơ quan nhận ' +
          '(nếu cơ quan nhận báo bằng cách khác, văn thư ghi nhận việc tiếp nhận hoặc từ chối trên trang báo cáo).',
      );
    if (signature.status !== 'valid')
      throw new UnprocessableEntityException(`Thông điệp trạng thái bị từ chối: ${signature.message} Không có gì thay đổi.`);
    const meaning = EDXML_STATUS[status.statusCode];
    if (!meaning)
      throw new UnprocessableEntityException(`Mã trạng thái edXML ${status.statusCode} chưa được hỗ trợ; không có gì thay đổi.`);
    const ref = splitDocumentId(status.responseFor.documentId) ?? {
      organId: status.responseFor.organId,
      date: status.responseFor.promulgationDate,
      code: status.responseFor.code,
    };
    const unknown = `Không tìm thấy văn bản ${ref.code} ngày ${ref.date} của đơn vị mang mã ${ref.organId}.`;
    const rows: { id: string }[] = await this.ds.query(
      `SELECT r.id FROM reports r JOIN organisations o ON o.id = r.organisation_id
        WHERE o.id = $1 AND o.agency_code = $2 AND r.number_text = $3 AND r.issued_at = $4`,
      [p.organisationId, ref.organId, ref.code, ref.date],
    );
    if (!rows.length) throw new NotFoundException(unknown);
    const report = await this.reports.load(p, rows[0].id);
    const receiver = await this.receiverOf(report);
    if (!receiver?.agency_code || receiver.agency_code !== status.from.organId)
      throw new UnprocessableEntityException(
        `Mã định danh ${status.from.organId} không phải của cơ quan nhận báo cáo này` +
          (receiver ? ` (${receiver.name}${receiver.agency_code ? `, mã ${receiver.agency_code}` : ', chưa có mã định danh'}).` : '.'),
      );
    this.checkSigner(signature, receiver);
    if (meaning.effect === 'unsupported')
      throw new UnprocessableEntityException(
        `Trạng thái "${meaning.text}" (${status.statusCode}) chưa được xử lý tự động; không có gì thay đổi.`,
      );
    const result = (applied: EdxmlStatusResult['applied'], state: string, version: number): EdxmlStatusResult => ({
      reportId: report.id,
      statusCode: status.statusCode,
      statusText: meaning.text,
      applied,
      state,
      version,
    });
    if (meaning.effect === 'note' || (meaning.effect === 'acknowledge' && report.state === 'acknowledged'))
      return result('noted', report.state, report.version);
    const who = [status.from.organName, status.staff.staff].filter(Boolean).join(', ');
    const comment =
      meaning.effect === 'refuse'
        ? status.description
        : `${meaning.text} (edXML ${status.statusCode}${who ? `, ${who}` : ''})${status.description ? `: ${status.description}` : ''}`;
    const out = await this.transitions.send(p, report.id, {
      type: meaning.effect,
      comment: comment || undefined,
      expectedVersion: report.version,
    } as Parameters<TransitionsService['send']>[2]);
    return result(meaning.effect === 'refuse' ? 'refused' : 'acknowledged', out.state, out.version);
  }

  /** The message must be signed by the receiving agency itself, not by any holder of a trusted certificate. */
  private checkSigner(signature: EdxmlSignatureCheck, receiver: Organ): void {
    const norm = (s: string | undefined) => (s ?? '').normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
    const names = [signature.signer?.organisation, signature.signer?.commonName].map(norm);
    if (names.includes(norm(receiver.name))) return;
    const who = [signature.signer?.commonName, signature.signer?.organisation].filter((x, i, a) => x && a.indexOf(x) === i).join(', ');
    throw new UnprocessableEntityException(
      `Thông điệp trạng thái được ký bằng chứng thư số của ${who || 'một đơn vị không rõ'}, không phải của cơ quan nhận ${receiver.name}; không có gì thay đổi.`,
    );
  }

  /** The organisation's own agency code, set by its admin (logged in admin_log). */
  async setAgencyCode(p: Principal, agencyCode: string | null): Promise<AgencyCodeView> {
    const admin = await this.access.admin(p);
    try {
      return await this.ds.transaction(async (em) => {
        const org = await em.getRepository(OrganisationEntity).findOneByOrFail({ id: admin.organisationId });
        await em.query(`UPDATE organisations SET agency_code = $2 WHERE id = $1`, [org.id, agencyCode]);
        await this.access.log(em, admin, {
          action: 'set_agency_code',
          targetId: org.id,
          summary: agencyCode ? `Đặt mã định danh điện tử ${agencyCode}` : 'Xóa mã định danh điện tử',
          details: { from: org.agencyCode, to: agencyCode },
        });
        return { organisationId: org.id, name: org.name, agencyCode };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictException(`Mã định danh ${agencyCode} đã được dùng cho đơn vị khác.`);
      throw err;
    }
  }
}
