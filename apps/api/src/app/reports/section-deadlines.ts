import { BadRequestException } from '@nestjs/common';
import { addWorkingDays, formatDateShortVi, type PlannedSection } from '@trinhky/domain';

/**
 * The deadline of each part of a new report: the one the create form sent (`sectionDeadlines`,
 * part code → yyyy-mm-dd), else the template's, counted back from the report's deadline.
 * A part's own deadline must fall within the reporting period's start and the report's deadline: a
 * part due after the report could never be in it on time; one due before the period it reports on
 * begins is a typing error. Not "after the data cut-off": the template's own defaults (a few working
 * days before a tight report deadline) may fall before it, and the web form sends them. Not "≥ today"
 * either: the report's deadline has no such rule, so a late opening (back-filling) stays possible.
 */
export function sectionDeadlines(
  planned: readonly PlannedSection[],
  sent: Readonly<Record<string, string>>,
  deadline: string,
  periodStart: string,
): (p: PlannedSection) => string {
  for (const [code, day] of Object.entries(sent)) {
    const part = planned.find((p) => p.code === code);
    if (!part)
      throw new BadRequestException({
        statusCode: 400,
        message: `Phần "${code}" không có trong mẫu báo cáo.`,
        field: `sectionDeadlines.${code}`,
      });
    if (day > deadline) {
      throw new BadRequestException({
        statusCode: 400,
        message: `Hạn của phần ${part.label} (${formatDateShortVi(day)}) không được sau hạn nộp báo cáo (${formatDateShortVi(deadline)}).`,
        field: `sectionDeadlines.${code}`,
      });
    }
    if (day < periodStart) {
      throw new BadRequestException({
        statusCode: 400,
        message: `Hạn của phần ${part.label} (${formatDateShortVi(day)}) không được trước ngày đầu kỳ số liệu (${formatDateShortVi(periodStart)}).`,
        field: `sectionDeadlines.${code}`,
      });
    }
  }
  return (p) => sent[p.code] ?? addWorkingDays(deadline, -p.dueDaysBeforeDeadline);
}
