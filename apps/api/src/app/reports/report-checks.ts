import { checkPartFigures, findingKey, type PartFigures } from '@trinhky/domain';
import type { FigureIssue, ReportRecord } from '@trinhky/workflow';
import type { ReportEntity, SectionEntity } from '../database/entities';
import { findingViews, reportCatalogue, type FindingView } from './section-figures';

export interface PartChecks {
  sectionId: string;
  code: string;
  title: string;
  findings: FindingView[];
}

/** Every finding of the report's figures, per part, computed from the current revisions. */
/** Anything that reads inside the caller's transaction: an EntityManager, or the transition's ReportTx. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- EntityManager.query answers any
type Reader = { query(sql: string, params: unknown[]): Promise<any> };

export async function reportChecks(em: Reader, report: ReportEntity, sections: SectionEntity[]): Promise<PartChecks[]> {
  const catalogue = reportCatalogue(report);
  if (!catalogue) return [];
  const ids = sections.map((s) => s.currentRevisionId).filter((x): x is string => !!x);
  const rows: { id: string; figures: PartFigures | null }[] = ids.length
    ? await em.query('SELECT id, figures FROM section_revisions WHERE id = ANY($1::uuid[])', [ids])
    : [];
  const byRev = new Map(rows.map((r) => [r.id, r.figures]));
  return sections.map((s) => {
    const figures = s.currentRevisionId ? (byRev.get(s.currentRevisionId) ?? null) : null;
    return {
      sectionId: s.id,
      code: s.code,
      title: [s.label, s.title].filter(Boolean).join(' '),
      findings: findingViews(checkPartFigures(catalogue, s.code, figures), figures),
    };
  });
}

/** The hook where an event is decided: submitting a part and signing carry their figures' findings to the workflow's guards. */
export async function withFigureFindings(
  em: Reader,
  report: ReportEntity,
  sections: SectionEntity[],
  record: ReportRecord,
  eventType: string,
  sectionId?: string,
): Promise<ReportRecord> {
  if (eventType !== 'submit_section' && eventType !== 'sign') return record;
  const scope = eventType === 'submit_section' ? sections.filter((s) => s.id === sectionId) : sections;
  const checks = new Map((await reportChecks(em, report, scope)).map((c) => [c.sectionId, c]));
  return {
    ...record,
    sections: record.sections.map((s) => {
      const c = checks.get(s.id);
      if (!c?.findings.length) return s;
      const figureFindings: FigureIssue[] = c.findings.map((f) => ({
        severity: f.severity,
        message: f.message,
        part: c.title,
        code: f.codes[0],
        explained: f.severity === 'warning' && !!f.explanation?.trim() && f.key === findingKey(f),
      }));
      return { ...s, figureFindings };
    }),
  };
}
