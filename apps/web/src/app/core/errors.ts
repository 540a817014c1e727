import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, SaveConflict } from '@trinhky/contracts';

/** Statuses that mean "the service cannot answer right now" (the database is down, a proxy in front of it): retry later. */
const UNAVAILABLE = new Set([502, 503, 504]);

/** What to say when the API sent no message of its own (an HTML error page of a proxy, no network). */
function statusMessage(status: number): string | null {
  if (status === 0) return 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
  if (status === 401) return 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu.';
  if (status === 409) return 'Dữ liệu vừa được người khác thay đổi. Đã tải lại.';
  if (status === 429) return 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.';
  if (UNAVAILABLE.has(status))
    return 'Hệ thống tạm thời không phục vụ được (máy chủ hoặc cơ sở dữ liệu đang gián đoạn). Thao tác chưa được thực hiện; vui lòng thử lại sau ít phút.';
  return null;
}

/** The Vietnamese message to show for a failed request: the API's own words when it sent them. */
export function apiMessage(err: unknown, fallback = 'Đã có lỗi xảy ra. Vui lòng thử lại.'): string {
  if (err instanceof HttpErrorResponse) {
    const body = errorBody(err);
    if (body?.message) return body.message;
    const text: unknown = err.error;
    if (typeof text === 'string' && text.trim() && !text.trim().startsWith('<')) return text;
    return statusMessage(err.status) ?? fallback;
  }
  if (err instanceof Error && err.message) return err.message;
  return fallback;
}

export function httpStatus(err: unknown): number | null {
  return err instanceof HttpErrorResponse ? err.status : null;
}

/** The service (its database) is unavailable: nothing was done, the same request may succeed later. */
export function isUnavailable(err: unknown): boolean {
  return err instanceof HttpErrorResponse && UNAVAILABLE.has(err.status);
}

/** The API's error body `{statusCode, message, …}`, or null when it sent none. */
export function errorBody(err: unknown): ApiError | null {
  if (!(err instanceof HttpErrorResponse) || !err.error || typeof err.error !== 'object') return null;
  const body = err.error as Partial<ApiError>;
  const message = Array.isArray(body.message) ? (body.message as unknown[]).join(' ') : body.message;
  return typeof message === 'string' ? ({ ...body, statusCode: body.statusCode ?? err.status, message } as ApiError) : null;
}

/** A 409 on save: the revision someone else saved meanwhile. */
export function saveConflictOf(err: unknown): SaveConflict | null {
  const body = errorBody(err);
  if (httpStatus(err) !== 409 || !body || typeof body['current'] !== 'object' || body['current'] === null) return null;
  return body as unknown as SaveConflict;
}
