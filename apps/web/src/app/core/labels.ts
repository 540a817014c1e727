/**
 * Vietnamese names of states for badges. Local until libs/workflow exports STATE_LABELS from its
 * index; then switch to REPORT_STATE_LABELS / SECTION_STATE_LABELS there.
 */
import type { ReportState, SectionState } from './models';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: 'Đang khởi tạo',
  collecting: 'Đang thu thập',
  compiling: 'Đang tổng hợp',
  format_check: 'Kiểm tra thể thức',
  awaiting_signature: 'Chờ ký',
  signed: 'Đã ký',
  returned: 'Đã thu hồi chữ ký',
  issued: 'Đã ban hành',
  submitted: 'Đã gửi',
  acknowledged: 'Cấp trên đã nhận',
  cancelled: 'Đã hủy',
};

export const SECTION_STATE_LABELS: Record<SectionState, string> = {
  assigned: 'Đã giao',
  drafting: 'Đang soạn',
  head_review: 'Chờ trưởng phòng duyệt',
  submitted: 'Đã nộp',
  accepted: 'Đã chấp nhận',
  returned: 'Bị trả lại',
};

/** Names of audit events (the log also records system events). */
export const EVENT_NAMES: Record<string, string> = {
  create: 'Mở báo cáo',
  created: 'Mở báo cáo',
  start_drafting: 'Bắt đầu soạn',
  submit_section: 'Nộp phần',
  head_accept_section: 'Trưởng phòng chấp nhận',
  head_return_section: 'Trưởng phòng trả lại',
  accept_section: 'Chấp nhận phần',
  return_section: 'Trả lại phần',
  save_content: 'Lưu nội dung',
  open_collection: 'Giao soạn và thu thập',
  start_compiling: 'Bắt đầu tổng hợp',
  send_to_format_check: 'Gửi kiểm tra thể thức',
  approve_format: 'Đạt thể thức, trình ký',
  send_for_signature: 'Trình ký',
  return_report: 'Trả lại',
  sign: 'Ký',
  revoke_signature: 'Thu hồi chữ ký',
  resume_compiling: 'Tiếp tục tổng hợp',
  issue: 'Cấp số và ban hành',
  dispatch: 'Gửi đi',
  acknowledge: 'Xác nhận đã nhận',
  refuse: 'Bị từ chối',
  cancel: 'Hủy báo cáo',
  reminder: 'Nhắc hạn',
  overdue: 'Quá hạn',
};

export const REPORT_STATES = Object.keys(REPORT_STATE_LABELS) as ReportState[];

export function reportStateLabel(state: string): string {
  return REPORT_STATE_LABELS[state as ReportState] ?? state;
}

export function sectionStateLabel(state: string): string {
  return SECTION_STATE_LABELS[state as SectionState] ?? state;
}

export function eventName(event: string): string {
  return EVENT_NAMES[event] ?? event;
}

/** Colour family of a state badge (see styles.scss `.tk-badge--*`). */
export function stateTone(state: string): 'neutral' | 'progress' | 'attention' | 'done' | 'danger' {
  switch (state) {
    case 'accepted':
    case 'signed':
    case 'issued':
    case 'submitted':
    case 'acknowledged':
      return 'done';
    case 'returned':
    case 'cancelled':
      return 'danger';
    case 'awaiting_signature':
    case 'format_check':
    case 'head_review':
      return 'attention';
    case 'drafting':
    case 'collecting':
    case 'compiling':
      return 'progress';
    default:
      return 'neutral';
  }
}
