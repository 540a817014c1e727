/** Vietnamese names of states, events and fields, shared by the API (messages) and the UI (badges, buttons). */
import type { FieldCode } from '@trinhky/domain';
import type { ReportState, SectionState, WorkflowEventType } from './contract';

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

/**
 * Labels of every report and section state. The two lifecycles share the names `submitted` and
 * `returned`; this map holds the report meaning — use {@link SECTION_STATE_LABELS} for sections.
 */
export const STATE_LABELS: Record<ReportState | SectionState, string> = {
  ...SECTION_STATE_LABELS,
  ...REPORT_STATE_LABELS,
};

/** Button labels. */
export const EVENT_LABELS: Record<WorkflowEventType, string> = {
  start_drafting: 'Bắt đầu soạn',
  submit_section: 'Nộp',
  head_accept_section: 'Chấp nhận',
  head_return_section: 'Trả lại',
  accept_section: 'Chấp nhận',
  return_section: 'Trả lại',
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
  overdue: 'Báo quá hạn',
};

/** Verb phrases used inside sentences ("không thể ký"). */
export const EVENT_VERBS: Record<WorkflowEventType, string> = {
  start_drafting: 'bắt đầu soạn',
  submit_section: 'nộp',
  head_accept_section: 'chấp nhận (trưởng phòng)',
  head_return_section: 'trả lại (trưởng phòng)',
  accept_section: 'chấp nhận',
  return_section: 'trả lại',
  open_collection: 'giao soạn và thu thập',
  start_compiling: 'bắt đầu tổng hợp',
  send_to_format_check: 'gửi kiểm tra thể thức',
  approve_format: 'duyệt thể thức',
  send_for_signature: 'trình ký',
  return_report: 'trả lại',
  sign: 'ký',
  revoke_signature: 'thu hồi chữ ký',
  resume_compiling: 'tiếp tục tổng hợp',
  issue: 'cấp số và ban hành',
  dispatch: 'gửi đi',
  acknowledge: 'xác nhận đã nhận',
  refuse: 'ghi nhận bị từ chối',
  cancel: 'hủy',
  reminder: 'nhắc hạn',
  overdue: 'báo quá hạn',
};

/** Fields (lĩnh vực) a vice-chair (a Sở's Phó Giám đốc) can be in charge of, as written in sentences. */
export const FIELD_NAMES: Record<FieldCode, string> = {
  vhxh: 'văn hóa - xã hội',
  kinh_te: 'kinh tế',
  noi_chinh: 'nội chính',
  cchc: 'cải cách hành chính',
};

/**
 * Names of audit entries in the log (Nhật ký): the workflow events as past steps, plus the entries the
 * API writes outside the machines. A log entry's own summary wins; this is the fallback.
 */
export const AUDIT_EVENT_LABELS: Record<WorkflowEventType | 'create' | 'created' | 'save_content', string> = {
  ...EVENT_LABELS,
  create: 'Mở báo cáo',
  created: 'Mở báo cáo',
  save_content: 'Lưu nội dung',
  submit_section: 'Nộp phần',
  head_accept_section: 'Trưởng phòng chấp nhận',
  head_return_section: 'Trưởng phòng trả lại',
  accept_section: 'Chấp nhận phần',
  return_section: 'Trả lại phần',
  overdue: 'Quá hạn',
};

/** The colour family of a state's badge: what a reader should feel about it, for reports and parts alike. */
export type StateTone = 'neutral' | 'progress' | 'attention' | 'done' | 'danger';

/** Report and part states share `submitted` (done either way) and `returned` (a step back either way). */
export const STATE_TONES: Record<ReportState | SectionState, StateTone> = {
  draft: 'neutral',
  assigned: 'neutral',
  drafting: 'progress',
  collecting: 'progress',
  compiling: 'progress',
  head_review: 'attention',
  format_check: 'attention',
  awaiting_signature: 'attention',
  accepted: 'done',
  signed: 'done',
  issued: 'done',
  submitted: 'done',
  acknowledged: 'done',
  returned: 'danger',
  cancelled: 'danger',
};
