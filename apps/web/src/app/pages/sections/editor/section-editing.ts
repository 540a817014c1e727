/**
 * May the signed-in person edit this part now, and if not why: libs/workflow's `mayEditPart`, the
 * rule the API applies to every save, fed with what the page already has (the user, the report).
 */
import { mayEditPart, type EditAnswer } from '@trinhky/workflow';
import type { CurrentUser, ReportDetail } from '@trinhky/contracts';

export function editAnswer(user: CurrentUser | null, report: ReportDetail | null, sectionId: string): EditAnswer {
  const s = report?.sections.find((x) => x.id === sectionId);
  if (!user || !report || !s) return { ok: false, code: 'invalid', reason: 'Chỉ xem.' };
  return mayEditPart(
    { userId: user.id, roles: user.roles, unit: user.unit?.code ?? null },
    { title: s.title, unit: s.unit.code, unitName: s.unit.name, assigneeId: s.assignee?.id ?? null, state: s.state },
    report.state,
  );
}
