import { z } from 'zod';

import { agencyCodeView, edxmlStatusResult, edxmlStatusText, setAgencyCodeRequest } from '../exchange';
import { type Operation } from '../operation';
import { uuid } from '../primitives';

const report = z.object({ id: uuid });

/** Exchange with Word and with other agencies' systems: the .docx copy, the edXML envelope and status messages. */
export const EXCHANGE_OPERATIONS = {
  reportDocx: {
    method: 'get',
    path: '/reports/{id}/document.docx',
    tag: 'documents',
    summary: 'Báo cáo dưới dạng Word (.docx) theo thể thức Nghị định 30, để chỉnh sửa',
    params: report,
    status: 200,
    response: null,
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    errors: [404],
  },
  reportEdxml: {
    method: 'get',
    path: '/reports/{id}/edxml',
    tag: 'documents',
    summary: 'Gói tin edXML (QCVN 102:2016/BTTTT) của báo cáo đã ban hành, kèm bản PDF đã ký số',
    params: report,
    status: 200,
    response: null,
    produces: 'application/xml',
    errors: [404, 409, 422],
  },
  importEdxmlStatus: {
    method: 'post',
    path: '/edxml/status',
    tag: 'documents',
    summary:
      'Nhập thông điệp trạng thái edXML của cơ quan nhận (03 đã tiếp nhận, 02 từ chối tiếp nhận…) — ghi nhận đã nhận hoặc bị từ chối',
    textBody: edxmlStatusText,
    textType: 'application/xml',
    status: 200,
    response: edxmlStatusResult,
    errors: [403, 404, 409, 422],
  },
  setAgencyCode: {
    method: 'put',
    path: '/admin/organisation/agency-code',
    tag: 'admin',
    summary: 'Đặt mã định danh điện tử của đơn vị (dùng trong gói tin edXML); null để xóa',
    body: setAgencyCodeRequest,
    status: 200,
    response: agencyCodeView,
    errors: [403, 409],
  },
} satisfies Record<string, Operation>;
