import { z } from 'zod';

import { type Operation } from '../operation';
import { uuid } from '../primitives';
import { reportDetail } from '../reports';
import { XLSX_MEDIA_TYPE } from '../figures';
import { compileRequestBody, requestAggregate } from '../aggregate';

const byId = z.object({ id: uuid });

/** Aggregation of a request's submitted reports and the superior's compiled report (issue 12 §5). */
export const AGGREGATE_OPERATIONS = {
  requestAggregate: {
    method: 'get',
    path: '/requests/{id}/aggregate',
    tag: 'province',
    summary:
      'Tổng hợp số liệu của các cơ quan đã gửi báo cáo (cộng theo chỉ tiêu, tỷ lệ tính lại từ tổng, đếm câu trả lời), truy được từng xã; chỉ cơ quan ban hành văn bản',
    params: byId,
    status: 200,
    response: requestAggregate,
    errors: [404],
  },
  requestAggregateXlsx: {
    method: 'get',
    path: '/requests/{id}/aggregate.xlsx',
    tag: 'province',
    summary: 'Bảng tổng hợp số liệu dưới dạng .xlsx (mỗi chỉ tiêu một dòng, tỷ lệ là công thức; trang tính số liệu từng xã)',
    params: byId,
    status: 200,
    response: null,
    produces: XLSX_MEDIA_TYPE,
    errors: [404],
  },
  compileRequest: {
    method: 'post',
    path: '/requests/{id}/compile',
    tag: 'province',
    summary: 'Lập báo cáo tổng hợp của cơ quan cấp trên từ văn bản yêu cầu: cùng mẫu, phụ lục số liệu điền sẵn từ bảng tổng hợp',
    params: byId,
    body: compileRequestBody,
    status: 201,
    response: reportDetail,
    errors: [403, 404, 409, 422],
  },
} satisfies Record<string, Operation>;
