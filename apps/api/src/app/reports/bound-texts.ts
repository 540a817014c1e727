import {
  bindFigureRuns,
  figureBindings,
  figuresByGroupOf,
  type IndicatorCatalogue,
  type PartFigures,
  type SectionContent,
} from '@trinhky/domain';
import { In, type EntityManager } from 'typeorm';
import { SectionEntity, SectionRevisionEntity } from '../database/entities';

/**
 * Runs bound to a figure (issue 11 §4). A revision holds a bound run's *binding* (group, code,
 * period), hashed with its content; the run's `text` is only the value as it showed when the
 * revision was written (a display cache, left out of the hash: `hashedContent`). The value itself
 * lives in the figures of the part that holds the indicator, hashed in *that* part's revision, so
 * the audit chain covers every value a document shows. A bound run therefore never trusts its
 * stored text: every view of a report as it stands — the editor's content (GET section, the 409
 * of a save), the PDF, the DOCX, the document and its edXML package — binds it to the current
 * value, wherever the indicator lives. Only the history (GET revision) shows a revision as saved.
 */

/** The revision a part's document uses: the accepted one, else the current one (a part cannot change while accepted). */
export function documentRevisionId(s: Pick<SectionEntity, 'acceptedRevisionId' | 'currentRevisionId'>): string | null {
  return s.acceptedRevisionId ?? s.currentRevisionId;
}

/**
 * The content with each bound run's `text` set to its figure's value as the report's PDF would show
 * it now: this part's figures as given (being saved, or its current revision's), the other parts'
 * figures of the revision the document uses. Content without bound runs is returned as is.
 */
export async function withCurrentFigureTexts(
  em: EntityManager,
  catalogue: IndicatorCatalogue | undefined,
  section: Pick<SectionEntity, 'reportId' | 'code'>,
  figures: PartFigures | null,
  content: SectionContent,
): Promise<SectionContent> {
  if (!catalogue || !figureBindings(content.blocks).length) return content;
  const sections = await em.getRepository(SectionEntity).find({ where: { reportId: section.reportId } });
  const ids = sections
    .filter((s) => s.code !== section.code)
    .map(documentRevisionId)
    .filter((x): x is string => !!x);
  const revisions = ids.length
    ? await em.getRepository(SectionRevisionEntity).find({ where: { id: In(ids) }, select: { id: true, sectionId: true, figures: true } })
    : [];
  const byPart: Record<string, PartFigures | null> = { [section.code]: figures };
  for (const r of revisions) {
    const code = sections.find((s) => s.id === r.sectionId)?.code;
    if (code) byPart[code] = (r.figures as PartFigures | null) ?? null;
  }
  return { ...content, blocks: bindFigureRuns(content.blocks, catalogue, figuresByGroupOf(catalogue, byPart)) };
}

/** A stored revision's content as it reads now: bound runs with their figures' current values (see above). */
export function currentContentOf(
  em: EntityManager,
  catalogue: IndicatorCatalogue | undefined,
  section: Pick<SectionEntity, 'reportId' | 'code'>,
  revision: Pick<SectionRevisionEntity, 'content' | 'figures'> | null,
): Promise<SectionContent> {
  const content = (revision?.content as SectionContent | undefined) ?? { blocks: [] };
  return withCurrentFigureTexts(em, catalogue, section, (revision?.figures as PartFigures | null | undefined) ?? null, content);
}
