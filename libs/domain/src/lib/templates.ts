import type { Block } from './document-model';
import type { UnitCode } from './organisation';
import { nextPeriod, periodLabel, type Period } from './periods';
import { CCHC_REVIEW } from './templates-review';

/** One part of a report template: becomes one section assigned to a department. */
export interface TemplatePart {
  /** Stable code within the template: "opening", "I", "II.1", … */
  code: string;
  /** Label as printed: "I.", "1." (empty for the opening). */
  label: string;
  /** Heading level in the body tree. */
  level: 'opening' | 'section' | 'item';
  /** Title; `{period}` and `{next}` are replaced by the period labels. */
  title: string;
  /** Department that drafts the part. */
  unit: UnitCode;
  /** Code of the enclosing heading for items ("II" for "II.1"). */
  parent?: string;
  /** Internal deadline, in working days before the report's submission deadline. */
  dueDaysBeforeDeadline: number;
}

/** A heading of the template that is not drafted itself but encloses parts ("II. KẾT QUẢ …"). */
export interface TemplateHeading {
  code: string;
  label: string;
  title: string;
}

export interface ReportTemplate {
  code: string;
  name: string;
  /** Report kind for routing policies. */
  kind: string;
  /** The report's title in lists (`{period}`, `{years:N}` replaced); default "Báo cáo CCHC {period}". */
  title?: string;
  /** Subject lines; `{period}` and `{next}` replaced. */
  subject: string[];
  /** Unit that compiles the report. */
  compilingUnit: UnitCode;
  /** Recipient (Kính gửi). */
  recipients: string[];
  headings: TemplateHeading[];
  parts: TemplatePart[];
  /** Default "Nơi nhận" list; the last line is the archive line with the compiling unit. */
  distribution: string[];
  /** Closing sentence; `{period}`, `{next}` and `{issuer}` replaced. */
  closing: string;
}

/** The CCHC quarterly report (báo cáo cải cách hành chính quý), as the seeds write it. */
export const CCHC_QUARTERLY: ReportTemplate = {
  code: 'CCHC_QUY',
  name: 'Báo cáo cải cách hành chính định kỳ quý',
  kind: 'CCHC',
  subject: ['Tình hình thực hiện công tác cải cách hành chính {period},', 'phương hướng nhiệm vụ {next}'],
  compilingUnit: 'VHXH',
  recipients: ['Sở Nội vụ'],
  headings: [{ code: 'II', label: 'II.', title: 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH' }],
  parts: [
    { code: 'opening', label: '', level: 'opening', title: 'Căn cứ báo cáo', unit: 'VHXH', dueDaysBeforeDeadline: 2 },
    {
      code: 'I',
      label: 'I.',
      level: 'section',
      title: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      unit: 'VHXH',
      dueDaysBeforeDeadline: 4,
    },
    { code: 'II.1', label: '1.', level: 'item', parent: 'II', title: 'Cải cách thể chế', unit: 'VP', dueDaysBeforeDeadline: 5 },
    { code: 'II.2', label: '2.', level: 'item', parent: 'II', title: 'Cải cách thủ tục hành chính', unit: 'HCC', dueDaysBeforeDeadline: 5 },
    {
      code: 'II.3',
      label: '3.',
      level: 'item',
      parent: 'II',
      title: 'Cải cách tổ chức bộ máy hành chính nhà nước',
      unit: 'VHXH',
      dueDaysBeforeDeadline: 5,
    },
    { code: 'II.4', label: '4.', level: 'item', parent: 'II', title: 'Cải cách chế độ công vụ', unit: 'VHXH', dueDaysBeforeDeadline: 5 },
    { code: 'II.5', label: '5.', level: 'item', parent: 'II', title: 'Cải cách tài chính công', unit: 'KT', dueDaysBeforeDeadline: 5 },
    {
      code: 'II.6',
      label: '6.',
      level: 'item',
      parent: 'II',
      title: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      unit: 'VP',
      dueDaysBeforeDeadline: 5,
    },
    { code: 'III', label: 'III.', level: 'section', title: 'ĐÁNH GIÁ CHUNG', unit: 'VHXH', dueDaysBeforeDeadline: 3 },
    { code: 'IV', label: 'IV.', level: 'section', title: 'PHƯƠNG HƯỚNG, NHIỆM VỤ {next_upper}', unit: 'VHXH', dueDaysBeforeDeadline: 3 },
    { code: 'V', label: 'V.', level: 'section', title: 'KIẾN NGHỊ, ĐỀ XUẤT', unit: 'VHXH', dueDaysBeforeDeadline: 3 },
  ],
  distribution: [
    '- Như trên;',
    '- Thường trực Đảng ủy;',
    '- Thường trực HĐND;',
    '- Lãnh đạo UBND;',
    '- Các phòng, ban chuyên môn;',
    '- Lưu: VT, VHXH.',
  ],
  closing:
    'Trên đây là báo cáo tình hình thực hiện công tác cải cách hành chính {period}, phương hướng nhiệm vụ {next}; {issuer} trân trọng báo cáo./.',
};

export { CCHC_REVIEW };

export const TEMPLATES: Record<string, ReportTemplate> = { [CCHC_QUARTERLY.code]: CCHC_QUARTERLY, [CCHC_REVIEW.code]: CCHC_REVIEW };

/** Report kinds known to this installation (from the templates, first name wins), e.g. `{code: 'CCHC', name: 'Báo cáo … cải cách hành chính'}`. */
/** A report's title as lists show it. */
export function reportTitle(template: ReportTemplate, period: Period): string {
  return fillTemplateText(template.title ?? 'Báo cáo CCHC {period}', period);
}

export function reportKinds(): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const t of Object.values(TEMPLATES)) if (!seen.has(t.kind)) seen.set(t.kind, t.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** Replaces the template placeholders with the period's labels; `{years:N}`: the N years ending with the period's ("2021-2025"). */
export function fillTemplateText(text: string, period: Period, issuer = ''): string {
  const label = periodLabel(period);
  const next = periodLabel(nextPeriod(period));
  return text
    .replace(/\{years:(\d)\}/g, (_m, n: string) => `${period.year - Number(n) + 1}-${period.year}`)
    .replace(/\{period\}/g, label)
    .replace(/\{next_upper\}/g, next.toUpperCase())
    .replace(/\{next\}/g, next)
    .replace(/\{issuer\}/g, issuer);
}

/** A section to create when a report is opened from a template. */
export interface PlannedSection {
  code: string;
  label: string;
  level: TemplatePart['level'];
  parent?: string;
  title: string;
  unit: UnitCode;
  order: number;
  dueDaysBeforeDeadline: number;
}

/** The sections a new report gets, in document order, with their drafting units. */
export function planSections(template: ReportTemplate, period: Period): PlannedSection[] {
  return template.parts.map((p, order) => ({
    code: p.code,
    label: p.label,
    level: p.level,
    parent: p.parent,
    title: fillTemplateText(p.title, period),
    unit: p.unit,
    order,
    dueDaysBeforeDeadline: p.dueDaysBeforeDeadline,
  }));
}

/** Assembles the report body from section contents: headings of the template around each part's blocks. */
export function assembleBody(
  template: ReportTemplate,
  period: Period,
  contents: Record<string, Block[]>,
): { opening: Block[]; body: Block[] } {
  const opening = contents['opening'] ?? [];
  const body: Block[] = [];
  const enclosing = new Map<string, Block & { type: 'heading' }>();
  for (const h of template.headings) {
    enclosing.set(h.code, { type: 'heading', level: 'section', label: h.label, runs: [{ text: h.title }], children: [] });
  }
  const placed = new Set<string>();
  for (const part of template.parts) {
    if (part.level === 'opening') continue;
    const heading: Block = {
      type: 'heading',
      level: part.level === 'section' ? 'section' : 'item',
      label: part.label,
      runs: [{ text: fillTemplateText(part.title, period) }],
      children: contents[part.code] ?? [],
    };
    const parent = part.parent ? enclosing.get(part.parent) : undefined;
    if (parent) {
      parent.children.push(heading);
      if (!placed.has(part.parent as string)) {
        body.push(parent);
        placed.add(part.parent as string);
      }
    } else body.push(heading);
  }
  return { opening, body };
}
