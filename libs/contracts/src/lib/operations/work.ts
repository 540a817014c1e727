import { z } from 'zod';

import { importCreated, importPreview, importPreviewRequest, importReportRequest } from '../imports';
import { type Operation } from '../operation';
import { text } from '../primitives';

import { inboxPage, inboxQuery, notificationPage, notificationsQuery, registerFilter, registerPage, registerQuery } from '../work';

/** Daily work: the register, Việc của tôi, notifications, imports. */
export const WORK_OPERATIONS = {
  listRegister: {
    method: 'get',
    path: '/register',
    tag: 'register',
    summary: 'Sổ đăng ký văn bản đi, phân trang (total: mọi văn bản khớp bộ lọc)',
    query: registerQuery,
    status: 200,
    response: registerPage,
  },
  registerCsv: {
    method: 'get',
    path: '/register.csv',
    tag: 'register',
    summary: 'Xuất sổ văn bản đi (CSV, các cột theo Nghị định 30; mọi văn bản khớp bộ lọc)',
    query: registerFilter,
    status: 200,
    response: null,
    produces: 'text/csv',
  },

  inbox: {
    method: 'get',
    path: '/inbox',
    tag: 'inbox',
    summary: 'Việc chờ xử lý của tôi (kèm hạn, quá hạn), phân trang; kèm văn bản yêu cầu báo cáo chưa mở',
    query: inboxQuery,
    status: 200,
    response: inboxPage,
  },
  notifications: {
    method: 'get',
    path: '/notifications',
    tag: 'inbox',
    summary: 'Thông báo của tôi, mới nhất trước, phân trang (total: mọi thông báo; unread: chưa đọc)',
    query: notificationsQuery,
    status: 200,
    response: notificationPage,
  },
  readNotifications: {
    method: 'post',
    path: '/notifications/read',
    tag: 'inbox',
    summary: 'Đánh dấu đã đọc mọi thông báo',
    status: 204,
    response: null,
  },
  notificationStream: {
    method: 'get',
    path: '/notifications/stream',
    tag: 'inbox',
    summary: 'Luồng sự kiện (server-sent events); token qua ?access_token=',
    // Strict: the token is all it takes (AuthGuard reads it); anything else is refused by the contract pipe.
    query: z.strictObject({ access_token: text(4_000).optional() }),
    status: 200,
    response: null,
    produces: 'text/event-stream',
  },

  importPreview: {
    method: 'post',
    path: '/imports/preview',
    tag: 'imports',
    summary: 'Đọc thử một báo cáo cũ (văn bản hoặc .docx): cấu trúc tìm được, phần khớp mẫu, đoạn chưa xếp được',
    body: importPreviewRequest,
    status: 200,
    response: importPreview,
  },
  importReport: {
    method: 'post',
    path: '/imports/report',
    tag: 'imports',
    summary: 'Mở báo cáo cho một kỳ từ báo cáo cũ: các phần khớp mẫu được điền sẵn nội dung',
    body: importReportRequest,
    status: 201,
    response: importCreated,
    errors: [403],
  },
} satisfies Record<string, Operation>;
