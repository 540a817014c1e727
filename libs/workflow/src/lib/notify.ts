/** Who must act next, as `notify` effects, and the one-line Vietnamese summaries for the audit log. */
import { policySignerTitle } from './authority';
import type { NotifyTarget, ReportState, RoutingPolicy, SectionRecord, SectionState, WorkflowEffect, WorkflowEvent } from './contract';
import { EVENT_VERBS, REPORT_STATE_LABELS } from './labels';
import { unitName } from './policy-rules/units';

export interface SectionView {
  id: string;
  unit: SectionRecord['unit'];
  assigneeId: string | null;
  title?: string;
  state: SectionState;
}

type Notify = Extract<WorkflowEffect, { type: 'notify' }>;

const compiler = (policy: RoutingPolicy): NotifyTarget => ({ role: 'compiler', unit: policy.compilingUnit });

function sectionName(s: Pick<SectionView, 'id' | 'unit' | 'title'>, policy?: Pick<RoutingPolicy, 'unitNames'>): string {
  return `phần ${s.title ?? s.id} (${unitName(policy, s.unit)})`;
}

/** Who must act on a section in this state, and what to tell them. */
export function sectionNotice(policy: RoutingPolicy, s: SectionView, comment?: string | null): Notify | null {
  const drafter: NotifyTarget = s.assigneeId ? { userId: s.assigneeId } : { role: 'drafter', unit: s.unit };
  const why = comment ? ` Ý kiến: ${comment}` : '';
  switch (s.state) {
    case 'assigned':
      return { type: 'notify', to: drafter, message: `Được giao soạn ${sectionName(s, policy)}.` };
    case 'drafting':
      return { type: 'notify', to: drafter, message: `Đang soạn ${sectionName(s, policy)}, cần nộp đúng hạn.` };
    case 'returned':
      return { type: 'notify', to: drafter, message: `${capitalise(sectionName(s, policy))} bị trả lại, cần soạn lại.${why}` };
    case 'head_review':
      return {
        type: 'notify',
        to: { role: 'head', unit: s.unit },
        message: `${capitalise(sectionName(s, policy))} đã được nộp, chờ trưởng đơn vị duyệt.`,
      };
    case 'submitted':
      return {
        type: 'notify',
        to: compiler(policy),
        message: `${capitalise(sectionName(s, policy))} đã được nộp, chờ đơn vị chủ trì chấp nhận.`,
      };
    case 'accepted':
      return { type: 'notify', to: drafter, message: `${capitalise(sectionName(s, policy))} đã được chấp nhận.` };
  }
}

/** Who must act on the report in this state. */
export function reportNotices(policy: RoutingPolicy, state: ReportState, sections: SectionView[], comment?: string | null): Notify[] {
  const why = comment ? ` Ý kiến: ${comment}` : '';
  const one = (to: NotifyTarget, message: string): Notify[] => [{ type: 'notify', to, message }];
  switch (state) {
    case 'draft':
      return one(compiler(policy), 'Báo cáo đang khởi tạo, cần giao soạn các phần.');
    case 'collecting': {
      const open = sections.filter((s) => s.state !== 'accepted');
      if (open.length === 0) return one(compiler(policy), 'Tất cả các phần đã được chấp nhận, có thể bắt đầu tổng hợp.');
      return open.map((s) => sectionNotice(policy, s)).filter((n): n is Notify => n !== null);
    }
    case 'compiling':
      return one(compiler(policy), `Báo cáo cần được tổng hợp và trình.${why}`);
    case 'format_check':
      return policy.formatCheck
        ? one({ role: 'format_checker', unit: policy.formatCheck.unit }, 'Báo cáo chờ kiểm tra thể thức trước khi trình ký.')
        : [];
    case 'awaiting_signature':
      return one({ role: 'signer' }, `Báo cáo chờ ${policySignerTitle(policy)} ký.`);
    case 'signed':
      return one({ role: 'clerk' }, 'Báo cáo đã được ký, chờ cấp số và ban hành.');
    case 'returned':
      return one(compiler(policy), `Chữ ký trên báo cáo đã bị thu hồi, cần chỉnh sửa và trình lại.${why}`);
    case 'issued':
      return one({ role: 'clerk' }, 'Báo cáo đã ban hành, chờ gửi đi.');
    case 'submitted':
      return one({ role: 'clerk' }, 'Báo cáo đã gửi, chờ ghi nhận kết quả tiếp nhận của cơ quan nhận.');
    case 'acknowledged':
      return one(compiler(policy), 'Cơ quan nhận đã tiếp nhận báo cáo.');
    case 'cancelled':
      return one(compiler(policy), `Báo cáo đã bị hủy.${why}`);
  }
}

export function capitalise(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s;
}

/** One audit-log sentence: "Nộp phần II.1 (Văn phòng HĐND và UBND)", "Ký báo cáo (TM. …/…)". */
export function summarise(
  event: WorkflowEvent,
  section: Pick<SectionView, 'id' | 'unit' | 'title'> | null,
  reportTo: ReportState,
  extra?: string,
  policy?: Pick<RoutingPolicy, 'unitNames'>,
): string {
  const what = section ? sectionName(section, policy) : 'báo cáo';
  const comment = event.comment?.trim();
  let text = `${capitalise(EVENT_VERBS[event.type])} ${what}`;
  if (event.type === 'reminder' || event.type === 'overdue')
    text = `${capitalise(EVENT_VERBS[event.type])} ${section ? sectionName(section, policy) : 'báo cáo'} (${REPORT_STATE_LABELS[reportTo]})`;
  if (extra) text += ` ${extra}`;
  if (comment) text += `: ${comment}`;
  return `${text}.`;
}
