import { z } from 'zod';

import { type Operation } from '../operation';
import { XLSX_MEDIA_TYPE } from '../figures';
import { text, uuid } from '../primitives';
import { reportDetail } from '../reports';

import {
  boardPage,
  boardQuery,
  boardTotals,
  boardTotalsQuery,
  createRequestBody,
  receiverView,
  remindRequest,
  remindResult,
  requestPage,
  requestView,
  requestsQuery,
  setReceiverRequest,
} from '../province';

const byId = z.object({ id: uuid });

/** The superior agency: receivers, report requests, the province board. */
export const PROVINCE_OPERATIONS = {
  listReceivers: {
    method: 'get',
    path: '/province/receivers',
    tag: 'province',
    summary: 'Cơ quan nhận từng loại báo cáo của cơ quan mình',
    status: 200,
    response: z.array(receiverView),
  },
  setReceiver: {
    method: 'put',
    path: '/province/receivers/{reportKind}',
    tag: 'province',
    summary: 'Quản trị: chọn cơ quan cấp trên nhận một loại báo cáo',
    params: z.object({ reportKind: text(40, 1) }),
    body: setReceiverRequest,
    status: 200,
    response: receiverView,
    errors: [403],
  },
  createRequest: {
    method: 'post',
    path: '/requests',
    tag: 'province',
    summary: 'Cơ quan cấp trên ban hành văn bản yêu cầu báo cáo gửi các cơ quan cấp dưới',
    body: createRequestBody,
    status: 201,
    response: requestView,
    errors: [403],
  },
  listRequests: {
    method: 'get',
    path: '/requests',
    tag: 'province',
    summary:
      'Văn bản yêu cầu báo cáo: cơ quan cấp trên thấy văn bản mình ban hành, cơ quan cấp dưới thấy văn bản gửi đến mình; phân trang (total: mọi văn bản)',
    query: requestsQuery,
    status: 200,
    response: requestPage,
  },
  getRequest: {
    method: 'get',
    path: '/requests/{id}',
    tag: 'province',
    summary: 'Một văn bản yêu cầu và tình trạng từng cơ quan nhận',
    params: byId,
    status: 200,
    response: requestView,
    errors: [404],
  },
  openFromRequest: {
    method: 'post',
    path: '/requests/{id}/open',
    tag: 'province',
    summary: 'Mở báo cáo từ văn bản yêu cầu (căn cứ, Kính gửi, hạn nộp lấy từ văn bản)',
    params: byId,
    status: 201,
    response: reportDetail,
    errors: [403, 404, 409],
  },
  remindRequest: {
    method: 'post',
    path: '/requests/{id}/remind',
    tag: 'province',
    summary: 'Đôn đốc các cơ quan chưa nộp (mỗi cơ quan một lần mỗi ngày)',
    params: byId,
    body: remindRequest,
    status: 200,
    response: remindResult,
    errors: [403, 404],
  },
  provinceBoard: {
    method: 'get',
    path: '/province/board',
    tag: 'province',
    summary: 'Bảng theo dõi của cơ quan cấp trên: báo cáo của các cơ quan cấp dưới, phân trang',
    query: boardQuery,
    status: 200,
    response: boardPage,
    errors: [404],
  },
  provinceTotals: {
    method: 'get',
    path: '/province/board/totals',
    tag: 'province',
    summary: 'Số liệu tổng hợp của bảng theo dõi (theo trạng thái, theo cơ quan, quá hạn), do cơ sở dữ liệu tính',
    query: boardTotalsQuery,
    status: 200,
    response: boardTotals,
    errors: [404],
  },
  provinceBoardCsv: {
    method: 'get',
    path: '/province/board.csv',
    tag: 'province',
    summary: 'Xuất bảng theo dõi đã lọc (CSV, mọi dòng khớp bộ lọc; quá 20.000 dòng: 422)',
    query: boardTotalsQuery,
    status: 200,
    response: null,
    produces: 'text/csv',
    errors: [404, 422],
  },
  provinceBoardXlsx: {
    method: 'get',
    path: '/province/board.xlsx',
    tag: 'province',
    summary: 'Xuất bảng theo dõi đã lọc (Excel, mọi dòng khớp bộ lọc; quá 20.000 dòng: 422)',
    query: boardTotalsQuery,
    status: 200,
    response: null,
    produces: XLSX_MEDIA_TYPE,
    errors: [404, 422],
  },
} satisfies Record<string, Operation>;
