import { z } from 'zod';

import { type Operation } from '../operation';
import { uuid } from '../primitives';

import { reportSignatures } from '../signatures';
import { reportCheck } from '../figures';

const report = z.object({ id: uuid });

/** The documents of a report: PDF, figure checks, signatures, the structured document. */
export const DOCUMENTS_OPERATIONS = {
  reportPdf: {
    method: 'get',
    path: '/reports/{id}/pdf',
    tag: 'documents',
    summary: 'Bản PDF của báo cáo (bản đã ký được giữ nguyên)',
    params: report,
    status: 200,
    response: null,
    produces: 'application/pdf',
    errors: [404],
  },
  reportChecks: {
    method: 'get',
    path: '/reports/{id}/checks',
    tag: 'reports',
    summary: 'Mọi phát hiện về số liệu của báo cáo, theo phần (mã phần, mã chỉ tiêu), kèm liên kết tới chỉ tiêu',
    params: report,
    status: 200,
    response: z.array(reportCheck),
    errors: [404],
  },
  reportSignatures: {
    method: 'get',
    path: '/reports/{id}/signatures',
    tag: 'documents',
    summary: 'Các chữ ký số trên bản PDF đã ký/ban hành: người ký, chuỗi chứng thư, thời điểm ký, phạm vi, tệp có bị sửa sau khi ký',
    params: report,
    status: 200,
    response: reportSignatures,
    errors: [404],
  },
  reportDocument: {
    method: 'get',
    path: '/reports/{id}/document',
    tag: 'documents',
    summary: 'Báo cáo dưới dạng mô hình văn bản (JSON)',
    params: report,
    status: 200,
    response: z.looseObject({ subject: z.array(z.string()) }),
    errors: [404],
  },
} satisfies Record<string, Operation>;
