/**
 * May this person edit this part's content now, and if not, why. One answer for the API (which
 * refuses the save) and the web (which shows the editor, or the reason instead).
 *
 * The rule (DESIGN.md: the drafter writes the part, the department head accepts or returns it):
 * the people who may draft and submit the part — a drafter of its unit or its assignee — edit it
 * while the report is collecting and the part is being drafted (`drafting`). An assigned or returned
 * part is opened for writing with "Bắt đầu soạn" first, so the log shows when drafting (re)started;
 * a submitted or accepted part changes only after it is returned.
 */
import { standardUnitName, type UnitCode } from '@trinhky/domain';
import type { ReportState, SectionState } from '../contract';
import { type ActorFacts, isPartDrafter } from '../guards';
import { EVENT_LABELS, REPORT_STATE_LABELS, SECTION_STATE_LABELS } from '../labels';

export interface EditablePart {
  /** How people name it ("II.5 Cải cách tài chính công"); the id otherwise. */
  title?: string;
  unit: UnitCode;
  /** The organisation's name of the unit (the API's and the web's part view carry it); absent: the standard name. */
  unitName?: string;
  assigneeId: string | null;
  state: SectionState;
}

export type EditAnswer = { ok: true } | { ok: false; code: 'forbidden' | 'invalid'; reason: string };

export const NOT_DRAFTING_REASON = 'Phần này không còn ở bước soạn thảo nên không sửa được. Hãy đề nghị trả lại nếu cần sửa.';

export function mayEditPart(actor: ActorFacts, part: EditablePart, reportState: ReportState | string): EditAnswer {
  const name = part.title ? `phần ${part.title}` : 'phần này';
  if (!isPartDrafter(actor, part)) {
    const unit = part.unitName ?? standardUnitName(part.unit);
    return {
      ok: false,
      code: 'forbidden',
      reason: `Bạn không được phân công soạn ${name}: chỉ chuyên viên của ${unit} hoặc người được giao mới được sửa.`,
    };
  }
  if (reportState !== 'collecting') {
    const label = REPORT_STATE_LABELS[reportState as ReportState] ?? reportState;
    return {
      ok: false,
      code: 'invalid',
      reason: `Báo cáo đang ở bước '${label}': chỉ sửa được nội dung các phần khi báo cáo đang thu thập.`,
    };
  }
  if (part.state === 'assigned' || part.state === 'returned') {
    const label = SECTION_STATE_LABELS[part.state];
    return {
      ok: false,
      code: 'invalid',
      reason: `Phần này đang ở bước '${label}': hãy bấm "${EVENT_LABELS.start_drafting}" trước khi sửa.`,
    };
  }
  if (part.state !== 'drafting') return { ok: false, code: 'invalid', reason: NOT_DRAFTING_REASON };
  return { ok: true };
}
