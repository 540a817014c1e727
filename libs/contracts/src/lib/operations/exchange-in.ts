import { z } from 'zod';

import { type Operation } from '../operation';
import { uuid } from '../primitives';

import {
  deliveryView,
  incomingEntry,
  incomingPage,
  incomingQuery,
  pendingDeliveriesQuery,
  pendingDeliveryPage,
  refusalRequest,
} from '../province';

const byId = z.object({ id: uuid });

/** Between agencies: the receiver's incoming register, its answers, and the sender's delivery status. */
export const EXCHANGE_IN_OPERATIONS = {
  listIncoming: {
    method: 'get',
    path: '/incoming',
    tag: 'province',
    summary: 'Sổ văn bản đến của cơ quan mình (báo cáo cấp dưới gửi qua hệ thống), phân trang',
    query: incomingQuery,
    status: 200,
    response: incomingPage,
  },
  getIncoming: {
    method: 'get',
    path: '/incoming/{id}',
    tag: 'province',
    summary: 'Một văn bản đến',
    params: byId,
    status: 200,
    response: incomingEntry,
    errors: [404],
  },
  incomingPdf: {
    method: 'get',
    path: '/incoming/{id}/pdf',
    tag: 'province',
    summary: 'Bản PDF đã ban hành (đóng băng) của văn bản đến',
    params: byId,
    status: 200,
    response: null,
    produces: 'application/pdf',
    errors: [404],
  },
  receiveIncoming: {
    method: 'post',
    path: '/incoming/{id}/receipt',
    tag: 'province',
    summary: 'Văn thư cơ quan nhận: đã tiếp nhận văn bản đến',
    params: byId,
    status: 200,
    response: incomingEntry,
    errors: [403, 404, 409],
  },
  refuseIncoming: {
    method: 'post',
    path: '/incoming/{id}/refusal',
    tag: 'province',
    summary: 'Văn thư cơ quan nhận: từ chối tiếp nhận (bắt buộc lý do); báo cáo của cơ quan gửi mở lại thành lần sửa mới',
    params: byId,
    body: refusalRequest,
    status: 200,
    response: incomingEntry,
    errors: [403, 404, 409],
  },
  reportDelivery: {
    method: 'get',
    path: '/reports/{id}/delivery',
    tag: 'province',
    summary: 'Tình trạng gửi báo cáo đến cơ quan nhận (chờ gửi, đã đến, đã tiếp nhận, bị từ chối)',
    params: byId,
    status: 200,
    response: deliveryView,
    errors: [404],
  },
  pendingDeliveries: {
    method: 'get',
    path: '/deliveries/pending',
    tag: 'province',
    summary:
      'Báo cáo của cơ quan mình đã gửi nhưng chưa đến được cơ quan nhận (đang thử lại), phân trang (total: mọi lần gửi còn chờ khớp bộ lọc; failing=true: chỉ lần gửi bị lỗi)',
    query: pendingDeliveriesQuery,
    status: 200,
    response: pendingDeliveryPage,
  },
  retryDelivery: {
    method: 'post',
    path: '/reports/{id}/delivery/retry',
    tag: 'province',
    summary: 'Văn thư cơ quan gửi: thử gửi lại ngay báo cáo chưa đến được cơ quan nhận (không chờ lần thử kế tiếp); trả về tình trạng gửi',
    params: byId,
    status: 200,
    response: deliveryView,
    errors: [403, 404, 409],
  },
} satisfies Record<string, Operation>;
