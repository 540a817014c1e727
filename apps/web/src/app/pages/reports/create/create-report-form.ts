/** The "open a report" form: plan, defaults and validation (pure, unit-tested). */
import {
  TEMPLATES,
  addWorkingDays,
  dataCutOff,
  isCalendarDate,
  periodError,
  periodLabel,
  planSections,
  standardUnitName,
  type Period,
  type PeriodKind,
} from '@trinhky/domain';
import type { CreateReportRequest, OrganisationUnits } from '@trinhky/contracts';

/** Who drafts each part of one template in the caller's organisation (GET /api/organisation/units). */
export type TemplateAssignment = OrganisationUnits['templates'][number];

export interface CreateForm {
  templateCode: string;
  kind: PeriodKind;
  year: number;
  index: number;
  deadline: string;
  basis: string;
  /** Section code → internal deadline chosen by the compiler (empty = the template's default). */
  sectionDeadlines: Record<string, string>;
}

export interface PlannedRow {
  code: string;
  label: string;
  title: string;
  unit: string;
  defaultDeadline: string;
}

export const PERIOD_KINDS: { kind: PeriodKind; name: string }[] = [
  { kind: 'quarter', name: 'Quý' },
  { kind: 'half', name: '6 tháng' },
  { kind: 'nine_months', name: '9 tháng' },
  { kind: 'year', name: 'Năm' },
];

export function periodOf(f: Pick<CreateForm, 'kind' | 'year' | 'index'>): Period {
  return f.kind === 'quarter' || f.kind === 'half' ? { kind: f.kind, year: f.year, index: f.index } : { kind: f.kind, year: f.year };
}

/** A first proposal: the current quarter, deadline five working days after the cut-off. */
export function defaultForm(today: string, templateCode = 'CCHC_QUY'): CreateForm {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const index = Math.min(4, Math.floor((month - 1) / 3) + 1);
  const form: CreateForm = { templateCode, kind: 'quarter', year, index, deadline: '', basis: '', sectionDeadlines: {} };
  form.deadline = addWorkingDays(dataCutOff(periodOf(form)).to, 5);
  return form;
}

/**
 * The parts the new report gets, each with the unit that drafts it: the organisation's own (a Sở's,
 * under its policy) when `assignment` is known, else the template's commune unit.
 */
export function plannedRows(f: CreateForm, assignment?: TemplateAssignment): PlannedRow[] {
  const template = TEMPLATES[f.templateCode];
  if (!template || periodError(periodOf(f)) || !isIsoDate(f.deadline)) return [];
  return planSections(template, periodOf(f)).map((p) => ({
    code: p.code,
    label: p.label,
    title: p.title,
    unit: assignment?.parts.find((x) => x.code === p.code)?.unit.name ?? standardUnitName(p.unit),
    defaultDeadline: addWorkingDays(f.deadline, -p.dueDaysBeforeDeadline),
  }));
}

const isIsoDate = isCalendarDate;

/** Vietnamese messages for what must be fixed before sending; empty when the form is valid. */
export function validateCreateForm(f: CreateForm): string[] {
  const errors: string[] = [];
  if (!TEMPLATES[f.templateCode]) errors.push('Chọn mẫu báo cáo.');
  const perr = periodError(periodOf(f));
  if (perr) errors.push(perr);
  if (!isIsoDate(f.deadline)) errors.push('Hạn nộp báo cáo phải là một ngày hợp lệ.');
  else if (!perr) {
    const cut = dataCutOff(periodOf(f));
    if (f.deadline < cut.to) errors.push(`Hạn nộp phải sau ngày chốt số liệu (${cut.to.split('-').reverse().join('/')}).`);
    for (const [code, d] of Object.entries(f.sectionDeadlines)) {
      if (!d) continue;
      if (!isIsoDate(d)) errors.push(`Hạn của phần ${code} không hợp lệ.`);
      else if (d > f.deadline) errors.push(`Hạn của phần ${code} phải trước hạn nộp báo cáo.`);
    }
  }
  return errors;
}

export function toCreateRequest(f: CreateForm): CreateReportRequest {
  const sectionDeadlines: Record<string, string> = {};
  for (const row of plannedRows(f)) sectionDeadlines[row.code] = f.sectionDeadlines[row.code] || row.defaultDeadline;
  return {
    templateCode: f.templateCode,
    period: periodOf(f),
    deadline: f.deadline,
    ...(f.basis.trim() ? { basis: f.basis.trim().normalize('NFC') } : {}),
    sectionDeadlines,
  };
}

export function periodName(f: CreateForm): string {
  return periodError(periodOf(f)) ? '' : periodLabel(periodOf(f));
}
