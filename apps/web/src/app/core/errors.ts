import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from './models';

/** The Vietnamese message to show for a failed request. */
export function apiMessage(err: unknown, fallback = 'Đã có lỗi xảy ra. Vui lòng thử lại.'): string {
  if (err instanceof HttpErrorResponse) {
    const body = err.error as ApiErrorBody | string | null;
    if (body && typeof body === 'object' && body.message) {
      return Array.isArray(body.message) ? body.message.join(' ') : body.message;
    }
    if (typeof body === 'string' && body.trim() && !body.trim().startsWith('<')) return body;
    if (err.status === 0) return 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
    if (err.status === 401) return 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.';
    if (err.status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
    if (err.status === 404) return 'Không tìm thấy dữ liệu.';
    if (err.status === 409) return 'Dữ liệu vừa được người khác thay đổi. Đã tải lại.';
    return fallback;
  }
  if (err instanceof Error && err.message) return err.message;
  return fallback;
}

export function httpStatus(err: unknown): number | null {
  return err instanceof HttpErrorResponse ? err.status : null;
}

export function errorBody(err: unknown): ApiErrorBody | null {
  if (err instanceof HttpErrorResponse && err.error && typeof err.error === 'object') return err.error as ApiErrorBody;
  return null;
}
