import { z } from 'zod';

import { auditPage, auditQuery, chainCheck, organisationCheck } from '../audit';
import { currentUser, loginRequest, loginResponse } from '../auth';
import { health } from '../health';

import { type Operation } from '../operation';
import { uuid } from '../primitives';
import { createReportRequest, eventRequest, eventResult, reportDetail, reportListQuery, reportPage } from '../reports';
import { revisionDetail, saveContentRequest, saveContentResult, saveContentText, sectionDetail } from '../sections';

const report = z.object({ id: uuid });
const section = report.extend({ sectionId: uuid });

/** Health, sign-in, reports, their parts and the audit chain. */
export const CORE_OPERATIONS = {
  health: {
    method: 'get',
    path: '/health',
    tag: 'health',
    public: true,
    summary: 'Tình trạng hệ thống và các thành phần (503 khi cơ sở dữ liệu không truy cập được)',
    status: 200,
    response: health,
    errors: [503],
  },
  login: {
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    public: true,
    summary: 'Đăng nhập',
    body: loginRequest,
    status: 200,
    response: loginResponse,
    errors: [429],
  },
  me: { method: 'get', path: '/me', tag: 'auth', summary: 'Người dùng đang đăng nhập', status: 200, response: currentUser },

  listReports: {
    method: 'get',
    path: '/reports',
    tag: 'reports',
    summary: 'Danh sách báo cáo của cơ quan và của các cơ quan cấp dưới nó theo dõi, phân trang (total: mọi báo cáo khớp bộ lọc)',
    query: reportListQuery,
    status: 200,
    response: reportPage,
  },
  createReport: {
    method: 'post',
    path: '/reports',
    tag: 'reports',
    summary: 'Mở báo cáo cho một kỳ từ mẫu (tạo các phần, phân công cho phòng ban)',
    body: createReportRequest,
    status: 201,
    response: reportDetail,
    errors: [403],
  },
  getReport: {
    method: 'get',
    path: '/reports/{id}',
    tag: 'reports',
    summary: 'Chi tiết báo cáo, các phần và thao tác người dùng được phép làm lúc này',
    params: report,
    status: 200,
    response: reportDetail,
    errors: [404],
  },
  sendEvent: {
    method: 'post',
    path: '/reports/{id}/events',
    tag: 'reports',
    summary: 'Gửi một thao tác quy trình (403 không có quyền, 409 phiên bản cũ, 422 không hợp lệ ở trạng thái này)',
    params: report,
    body: eventRequest,
    status: 200,
    response: eventResult,
    errors: [403, 404, 409, 422],
  },

  getSection: {
    method: 'get',
    path: '/reports/{id}/sections/{sectionId}',
    tag: 'sections',
    summary: 'Nội dung hiện tại và lịch sử phiên bản của một phần',
    params: section,
    status: 200,
    response: sectionDetail,
    errors: [404],
  },
  getRevision: {
    method: 'get',
    path: '/reports/{id}/sections/{sectionId}/revisions/{revisionId}',
    tag: 'sections',
    summary: 'Một phiên bản cũ của phần báo cáo',
    params: section.extend({ revisionId: uuid }),
    status: 200,
    response: revisionDetail,
    errors: [404],
  },
  saveContent: {
    method: 'put',
    path: '/reports/{id}/sections/{sectionId}/content',
    tag: 'sections',
    summary: 'Lưu nội dung (JSON {baseRevisionId, content, figures?}, hoặc text/plain: mỗi dòng một đoạn, nối vào bản hiện tại)',
    params: section,
    body: saveContentRequest,
    textBody: saveContentText,
    status: 200,
    response: saveContentResult,
    errors: [403, 404, 409, 422],
  },

  listAudit: {
    method: 'get',
    path: '/reports/{id}/audit',
    tag: 'audit',
    summary: 'Nhật ký của báo cáo (chuỗi băm), mới nhất trước, phân trang (total: mọi bản ghi của chuỗi)',
    params: report,
    query: auditQuery,
    status: 200,
    response: auditPage,
    errors: [404],
  },
  verifyReportAudit: {
    method: 'get',
    path: '/reports/{id}/audit/verify',
    tag: 'audit',
    summary: 'Kiểm tra chuỗi nhật ký; nêu bản ghi hỏng đầu tiên',
    params: report,
    status: 200,
    response: chainCheck,
    errors: [404],
  },
  verifyOrganisationAudit: {
    method: 'get',
    path: '/audit/verify',
    tag: 'audit',
    summary: 'Kiểm tra toàn bộ nhật ký của cơ quan (kể cả báo cáo bị xóa)',
    status: 200,
    response: organisationCheck,
  },
} satisfies Record<string, Operation>;
