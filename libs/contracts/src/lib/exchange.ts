import { z } from 'zod';

/** An edXML status message (QCVN 102:2016/BTTTT) as posted: the XML text, parsed by the API. */
export const edxmlStatusText = z.string().min(1, 'Thông điệp trạng thái edXML trống.').max(1_000_000, 'Thông điệp edXML quá lớn.');

/** What importing a status message did to the report. */
export const edxmlStatusResult = z.object({
  reportId: z.uuid(),
  /** The status code as sent: "01" … "16". */
  statusCode: z.string(),
  /** Its meaning in Vietnamese ("Đã tiếp nhận"). */
  statusText: z.string(),
  /** acknowledged / refused: the report's receipt or refusal was recorded; noted: nothing to change. */
  applied: z.enum(['acknowledged', 'refused', 'noted']),
  state: z.string(),
  version: z.number().int(),
});
export type EdxmlStatusResult = z.infer<typeof edxmlStatusResult>;

/** Mã định danh of an agency for electronic documents (QĐ 20/2020/QĐ-TTg): "000.00.31.H41". */
export const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export const setAgencyCodeRequest = z.object({
  agencyCode: z.string().trim().regex(AGENCY_CODE, 'Mã định danh phải có dạng 000.00.31.H41 (Quyết định 20/2020/QĐ-TTg).').nullable(),
});

export const agencyCodeView = z.object({ organisationId: z.uuid(), name: z.string(), agencyCode: z.string().nullable() });
export type AgencyCodeView = z.infer<typeof agencyCodeView>;
