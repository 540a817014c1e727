import { z } from 'zod';

import { type Operation } from '../operation';
import { uuid } from '../primitives';
import { importPartSheetQuery, importPartSheetResult, XLSX_MEDIA_TYPE } from '../figures';

const report = z.object({ id: uuid });
const section = report.extend({ sectionId: uuid });

/** Figures as spreadsheets (issue 11 §7): the annex and a part's sheet as .xlsx, a filled sheet imported. */
export const FIGURES_OPERATIONS = {
  annexXlsx: {
    method: 'get',
    path: '/reports/{id}/annex.xlsx',
    tag: 'documents',
    summary: 'Phụ lục số liệu của báo cáo dưới dạng .xlsx (mỗi bảng một trang tính; số là số, tỷ lệ là công thức)',
    params: report,
    status: 200,
    response: null,
    produces: XLSX_MEDIA_TYPE,
    errors: [404],
  },
  partSheet: {
    method: 'get',
    path: '/reports/{id}/sections/{sectionId}/figures.xlsx',
    tag: 'sections',
    summary: 'Trang tính số liệu của một phần (.xlsx; để trống khi phần chưa có số liệu) để phòng nhập bằng Excel',
    params: section,
    status: 200,
    response: null,
    produces: XLSX_MEDIA_TYPE,
    errors: [404],
  },
  importPartSheet: {
    method: 'post',
    path: '/reports/{id}/sections/{sectionId}/figures.xlsx',
    tag: 'sections',
    summary:
      'Nhập trang tính số liệu đã điền (thân yêu cầu: tệp .xlsx, Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, tối đa 2 MB) thành phiên bản mới của phần; lỗi nêu rõ ô',
    params: section,
    query: importPartSheetQuery,
    status: 200,
    response: importPartSheetResult,
    errors: [403, 404, 409, 413, 415, 422],
  },
} satisfies Record<string, Operation>;
