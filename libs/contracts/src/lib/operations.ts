import { z } from 'zod';
import { adminDelegation, adminLogEntry, adminLogQuery, adminOrganisation, adminUnit, adminUser, delegationCreateRequest, policyChoiceRequest, routingPolicyView, unitCreateRequest, unitUpdateRequest, userCreateRequest, userUpdateRequest } from './admin';
import { chainCheck, auditEntry, organisationCheck } from './audit';
import { currentUser, loginRequest, loginResponse } from './auth';
import { health } from './health';
import { importCreated, importPreview, importPreviewRequest, importReportRequest } from './imports';
import { defineOperations, type Operation } from './operation';
import { text, uuid } from './primitives';
import { createReportRequest, eventRequest, eventResult, reportDetail, reportListQuery, reportSummary } from './reports';
import { revisionDetail, saveContentRequest, saveContentResult, saveContentText, sectionDetail } from './sections';
import { reportSignatures } from './signatures';
import { reportCheck } from './figures';
import { boardPage, boardQuery, boardTotals, boardTotalsQuery, createRequestBody, receiverView, remindRequest, remindResult, requestView, setReceiverRequest } from './province';
import { inboxItem, notification, registerEntry, registerQuery } from './work';

const report = z.object({ id: uuid });
const section = report.extend({ sectionId: uuid });
const byId = z.object({ id: uuid });

/** Every operation of the API (paths under /api). */
export const OPERATIONS = defineOperations({
  health: { method: 'get', path: '/health', tag: 'health', public: true, summary: 'Tình trạng hệ thống và các thành phần (503 khi cơ sở dữ liệu không truy cập được)', status: 200, response: health, errors: [503] },
  login: { method: 'post', path: '/auth/login', tag: 'auth', public: true, summary: 'Đăng nhập', body: loginRequest, status: 200, response: loginResponse, errors: [429] },
  me: { method: 'get', path: '/me', tag: 'auth', summary: 'Người dùng đang đăng nhập', status: 200, response: currentUser },

  listReports: { method: 'get', path: '/reports', tag: 'reports', summary: 'Danh sách báo cáo của cơ quan và của các cơ quan cấp dưới nó theo dõi', query: reportListQuery, status: 200, response: z.array(reportSummary) },
  createReport: { method: 'post', path: '/reports', tag: 'reports', summary: 'Mở báo cáo cho một kỳ từ mẫu (tạo các phần, phân công cho phòng ban)', body: createReportRequest, status: 201, response: reportDetail, errors: [403] },
  getReport: { method: 'get', path: '/reports/{id}', tag: 'reports', summary: 'Chi tiết báo cáo, các phần và thao tác người dùng được phép làm lúc này', params: report, status: 200, response: reportDetail, errors: [404] },
  sendEvent: { method: 'post', path: '/reports/{id}/events', tag: 'reports', summary: 'Gửi một thao tác quy trình (403 không có quyền, 409 phiên bản cũ, 422 không hợp lệ ở trạng thái này)', params: report, body: eventRequest, status: 200, response: eventResult, errors: [403, 404, 409, 422] },

  getSection: { method: 'get', path: '/reports/{id}/sections/{sectionId}', tag: 'sections', summary: 'Nội dung hiện tại và lịch sử phiên bản của một phần', params: section, status: 200, response: sectionDetail, errors: [404] },
  getRevision: { method: 'get', path: '/reports/{id}/sections/{sectionId}/revisions/{revisionId}', tag: 'sections', summary: 'Một phiên bản cũ của phần báo cáo', params: section.extend({ revisionId: uuid }), status: 200, response: revisionDetail, errors: [404] },
  saveContent: { method: 'put', path: '/reports/{id}/sections/{sectionId}/content', tag: 'sections', summary: 'Lưu nội dung (JSON {baseRevisionId, content, figures?}, hoặc text/plain: mỗi dòng một đoạn, nối vào bản hiện tại)', params: section, body: saveContentRequest, textBody: saveContentText, status: 200, response: saveContentResult, errors: [403, 404, 409, 422] },

  listAudit: { method: 'get', path: '/reports/{id}/audit', tag: 'audit', summary: 'Nhật ký của báo cáo (chuỗi băm)', params: report, status: 200, response: z.array(auditEntry), errors: [404] },
  verifyReportAudit: { method: 'get', path: '/reports/{id}/audit/verify', tag: 'audit', summary: 'Kiểm tra chuỗi nhật ký; nêu bản ghi hỏng đầu tiên', params: report, status: 200, response: chainCheck, errors: [404] },
  verifyOrganisationAudit: { method: 'get', path: '/audit/verify', tag: 'audit', summary: 'Kiểm tra toàn bộ nhật ký của cơ quan (kể cả báo cáo bị xóa)', status: 200, response: organisationCheck },

  reportPdf: { method: 'get', path: '/reports/{id}/pdf', tag: 'documents', summary: 'Bản PDF của báo cáo (bản đã ký được giữ nguyên)', params: report, status: 200, response: null, produces: 'application/pdf', errors: [404] },
  reportChecks: { method: 'get', path: '/reports/{id}/checks', tag: 'reports', summary: 'Mọi phát hiện về số liệu của báo cáo, theo phần (mã phần, mã chỉ tiêu), kèm liên kết tới chỉ tiêu', params: report, status: 200, response: z.array(reportCheck), errors: [404] },
  reportSignatures: { method: 'get', path: '/reports/{id}/signatures', tag: 'documents', summary: 'Các chữ ký số trên bản PDF đã ký/ban hành: người ký, chuỗi chứng thư, thời điểm ký, phạm vi, tệp có bị sửa sau khi ký', params: report, status: 200, response: reportSignatures, errors: [404] },
  reportDocument: { method: 'get', path: '/reports/{id}/document', tag: 'documents', summary: 'Báo cáo dưới dạng mô hình văn bản (JSON)', params: report, status: 200, response: z.looseObject({ subject: z.array(z.string()) }), errors: [404] },

  listRegister: { method: 'get', path: '/register', tag: 'register', summary: 'Sổ đăng ký văn bản đi', query: registerQuery, status: 200, response: z.array(registerEntry) },
  registerCsv: { method: 'get', path: '/register.csv', tag: 'register', summary: 'Xuất sổ văn bản đi (CSV, các cột theo Nghị định 30)', query: registerQuery, status: 200, response: null, produces: 'text/csv' },

  inbox: { method: 'get', path: '/inbox', tag: 'inbox', summary: 'Việc chờ xử lý của tôi (kèm hạn, quá hạn)', status: 200, response: z.array(inboxItem) },
  notifications: { method: 'get', path: '/notifications', tag: 'inbox', summary: 'Thông báo của tôi', status: 200, response: z.array(notification) },
  readNotifications: { method: 'post', path: '/notifications/read', tag: 'inbox', summary: 'Đánh dấu đã đọc mọi thông báo', status: 204, response: null },
  notificationStream: { method: 'get', path: '/notifications/stream', tag: 'inbox', summary: 'Luồng sự kiện (server-sent events); token qua ?access_token=', query: z.object({ access_token: text(4_000).optional() }), status: 200, response: null, produces: 'text/event-stream' },

  importPreview: { method: 'post', path: '/imports/preview', tag: 'imports', summary: 'Đọc thử một báo cáo cũ (văn bản hoặc .docx): cấu trúc tìm được, phần khớp mẫu, đoạn chưa xếp được', body: importPreviewRequest, status: 200, response: importPreview },
  importReport: { method: 'post', path: '/imports/report', tag: 'imports', summary: 'Mở báo cáo cho một kỳ từ báo cáo cũ: các phần khớp mẫu được điền sẵn nội dung', body: importReportRequest, status: 201, response: importCreated, errors: [403] },

  adminOrganisation: { method: 'get', path: '/admin/organisation', tag: 'admin', summary: 'Quản trị: đơn vị, người dùng, ủy quyền, quy trình của cơ quan', status: 200, response: adminOrganisation, errors: [403] },
  adminLog: { method: 'get', path: '/admin/log', tag: 'admin', summary: 'Nhật ký quản trị (mới nhất trước)', query: adminLogQuery, status: 200, response: z.array(adminLogEntry), errors: [403] },
  createUnit: { method: 'post', path: '/admin/units', tag: 'admin', summary: 'Thêm đơn vị', body: unitCreateRequest, status: 201, response: adminUnit, errors: [403, 409] },
  updateUnit: { method: 'patch', path: '/admin/units/{id}', tag: 'admin', summary: 'Đổi tên đơn vị', params: byId, body: unitUpdateRequest, status: 200, response: adminUnit, errors: [403, 404] },
  createUser: { method: 'post', path: '/admin/users', tag: 'admin', summary: 'Thêm người dùng', body: userCreateRequest, status: 201, response: adminUser, errors: [403, 409] },
  updateUser: { method: 'patch', path: '/admin/users/{id}', tag: 'admin', summary: 'Sửa người dùng (khóa tài khoản: active = false)', params: byId, body: userUpdateRequest, status: 200, response: adminUser, errors: [403, 404] },
  createDelegation: { method: 'post', path: '/admin/delegations', tag: 'admin', summary: 'Giao ủy quyền ký (KT., TM., TL., TUQ., Q.)', body: delegationCreateRequest, status: 201, response: adminDelegation, errors: [403, 409] },
  endDelegation: { method: 'post', path: '/admin/delegations/{id}/end', tag: 'admin', summary: 'Chấm dứt ủy quyền từ hôm nay', params: byId, status: 200, response: adminDelegation, errors: [403, 404, 409] },
  setRoutingPolicy: { method: 'put', path: '/admin/routing-policies/{reportKind}', tag: 'admin', summary: 'Chọn quy trình cho một loại báo cáo', params: z.object({ reportKind: text(40, 1) }), body: policyChoiceRequest, status: 200, response: routingPolicyView, errors: [403, 404] },

  // Issue 12 (province): receivers, report requests, đôn đốc, the board.
  listReceivers: { method: 'get', path: '/province/receivers', tag: 'province', summary: 'Cơ quan nhận từng loại báo cáo của cơ quan mình', status: 200, response: z.array(receiverView) },
  setReceiver: { method: 'put', path: '/province/receivers/{reportKind}', tag: 'province', summary: 'Quản trị: chọn cơ quan cấp trên nhận một loại báo cáo', params: z.object({ reportKind: text(40, 1) }), body: setReceiverRequest, status: 200, response: receiverView, errors: [403] },
  createRequest: { method: 'post', path: '/requests', tag: 'province', summary: 'Cơ quan cấp trên ban hành văn bản yêu cầu báo cáo gửi các cơ quan cấp dưới', body: createRequestBody, status: 201, response: requestView, errors: [403] },
  listRequests: { method: 'get', path: '/requests', tag: 'province', summary: 'Văn bản yêu cầu báo cáo: cơ quan cấp trên thấy văn bản mình ban hành, cơ quan cấp dưới thấy văn bản gửi đến mình', status: 200, response: z.array(requestView) },
  getRequest: { method: 'get', path: '/requests/{id}', tag: 'province', summary: 'Một văn bản yêu cầu và tình trạng từng cơ quan nhận', params: byId, status: 200, response: requestView, errors: [404] },
  openFromRequest: { method: 'post', path: '/requests/{id}/open', tag: 'province', summary: 'Mở báo cáo từ văn bản yêu cầu (căn cứ, Kính gửi, hạn nộp lấy từ văn bản)', params: byId, status: 201, response: reportDetail, errors: [403, 404, 409] },
  remindRequest: { method: 'post', path: '/requests/{id}/remind', tag: 'province', summary: 'Đôn đốc các cơ quan chưa nộp (mỗi cơ quan một lần mỗi ngày)', params: byId, body: remindRequest, status: 200, response: remindResult, errors: [403, 404] },
  provinceBoard: { method: 'get', path: '/province/board', tag: 'province', summary: 'Bảng theo dõi của cơ quan cấp trên: báo cáo của các cơ quan cấp dưới, phân trang', query: boardQuery, status: 200, response: boardPage },
  provinceTotals: { method: 'get', path: '/province/board/totals', tag: 'province', summary: 'Số liệu tổng hợp của bảng theo dõi (theo trạng thái, theo cơ quan, quá hạn), do cơ sở dữ liệu tính', query: boardTotalsQuery, status: 200, response: boardTotals },
} satisfies Record<string, Operation>);

export type OperationId = keyof typeof OPERATIONS;
type Op<K extends OperationId> = (typeof OPERATIONS)[K];
type Inferred<T> = T extends z.ZodType ? z.output<T> : never;
/** What the operation answers (its success body). */
export type ResponseOf<K extends OperationId> = Op<K>['response'] extends z.ZodType ? z.output<Op<K>['response']> : void;
/** The JSON body a client sends (before defaults are applied). */
export type BodyOf<K extends OperationId> = Op<K> extends { body: infer B } ? (B extends z.ZodType ? z.input<B> : never) : never;
export type QueryOf<K extends OperationId> = Op<K> extends { query: infer Q } ? (Q extends z.ZodType ? z.input<Q> : never) : never;
export type ParsedBodyOf<K extends OperationId> = Op<K> extends { body: infer B } ? Inferred<B> : never;
