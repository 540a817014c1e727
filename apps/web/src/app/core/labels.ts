/** Vietnamese names of states and events for badges and the log (the names come from libs/workflow). */
import { EVENT_LABELS, REPORT_STATE_LABELS, SECTION_STATE_LABELS } from '@trinhky/workflow';
import type { ReportState, SectionState } from '@trinhky/workflow';

export { REPORT_STATE_LABELS, SECTION_STATE_LABELS };

/** Names of audit events (the log also records system events). */
export const EVENT_NAMES: Record<string, string> = {
  ...EVENT_LABELS,
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
