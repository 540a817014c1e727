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
 * The content with each bound run's `text` (a display cache) set to its figure's value as the
 * report's PDF would show it now: this part's figures being saved, the other parts' figures of the
 * revision the document uses (accepted, else current). Content without bound runs is returned as is.
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
    .map((s) => s.acceptedRevisionId ?? s.currentRevisionId)
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
