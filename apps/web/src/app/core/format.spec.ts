import { HttpErrorResponse } from '@angular/common/http';
import { apiMessage } from './errors';
import { daysLeft, deadlineText, formatDate, formatDateTime } from './format';
import { eventName, reportStateLabel, sectionStateLabel, stateTone } from './labels';

describe('Vietnamese display formats', () => {
  it('formats dates and timestamps', () => {
    expect(formatDate('2025-09-05')).toBe('05/09/2025');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(new Date(2025, 0, 5, 9, 7).toISOString())).toBe('09:07 05/01/2025');
  });

  it('says how far a deadline is', () => {
    expect(daysLeft('2025-10-01', '2025-09-28')).toBe(3);
    expect(deadlineText('2025-10-01', '2025-09-28')).toBe('còn 3 ngày');
    expect(deadlineText('2025-09-28', '2025-09-28')).toBe('hạn hôm nay');
    expect(deadlineText('2025-09-20', '2025-09-28')).toBe('quá hạn 8 ngày');
    expect(deadlineText('2024-09-28', '2025-09-28')).toBe('quá hạn 365 ngày');
    expect(deadlineText('2022-09-28', '2025-09-28')).toBe('quá hạn 1.096 ngày');
  });

  it('names states in Vietnamese, sections and reports apart', () => {
    expect(reportStateLabel('submitted')).toBe('Đã gửi');
    expect(sectionStateLabel('submitted')).toBe('Đã nộp');
    expect(reportStateLabel('unknown_state')).toBe('unknown_state');
    expect(stateTone('returned')).toBe('danger');
    expect(stateTone('head_review')).toBe('attention');
    expect(stateTone('acknowledged')).toBe('done');
    expect(stateTone('unknown_state')).toBe('neutral');
  });

  it("names log entries: a step in the past, the API's own entries, and an unknown name as it is", () => {
    expect(eventName('create')).toBe('Mở báo cáo');
    expect(eventName('submit_section')).toBe('Nộp phần');
    expect(eventName('sign')).toBe('Ký');
    expect(eventName('auth.login')).toBe('auth.login');
  });
});

describe('error messages', () => {
  it('shows the API message', () => {
    const err = new HttpErrorResponse({ status: 403, error: { statusCode: 403, message: 'Bạn không thuộc Phòng Văn hóa - Xã hội.' } });
    expect(apiMessage(err)).toBe('Bạn không thuộc Phòng Văn hóa - Xã hội.');
  });

  it('falls back to a Vietnamese sentence by status', () => {
    expect(apiMessage(new HttpErrorResponse({ status: 0 }))).toContain('Không kết nối được máy chủ');
    expect(apiMessage(new HttpErrorResponse({ status: 403, error: '<html>' }))).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect(apiMessage(new HttpErrorResponse({ status: 500 }), 'Lỗi riêng')).toBe('Lỗi riêng');
  });
});
