import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { parseInput, problemText, sectionContent, type ParsedBodyOf } from '@trinhky/contracts';
import { contentFromPlainText, type IndicatorCatalogue, type PartFigures, type SectionContent } from '@trinhky/domain';
import { mayEditPart, unitName, type RoutingPolicy, type SectionState } from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { ConflictWithState, UnprocessableError, isUuid } from '../common/http-errors';
import { SectionEntity, SectionRevisionEntity, UserEntity } from '../database/entities';
import { unitNamesFrom } from '../organisation/unit-names';
import { toSectionDto } from './report-views';
import { PeopleService } from '../organisation/people.service';
import { ReportsService } from './reports.service';
import { currentContentOf, withCurrentFigureTexts } from './bound-texts';
import { readPart } from './part-read';
import { acceptBindings, acceptFigures, figuresView, reportCatalogue, revisionHash } from './section-figures';

export interface RevisionDto {
  id: string;
  number: number;
  content: SectionContent;
  figures: PartFigures | null;
  author: string;
  createdAt: string;
}

export { canonical } from './canonical';

const NO_PART = '00000000-0000-0000-0000-000000000000';

/** Section content: immutable revisions; an edit names the revision it was based on. */
@Injectable()
export class SectionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly people: PeopleService,
  ) {}

  private async section(principal: Principal, reportId: string, sectionId: string): Promise<SectionEntity> {
    await this.reports.load(principal, reportId);
    if (!isUuid(sectionId)) throw new NotFoundException('Không tìm thấy phần báo cáo.');
    const s = await this.ds.getRepository(SectionEntity).findOne({ where: { id: sectionId, reportId } });
    if (!s) throw new NotFoundException('Không tìm thấy phần báo cáo.');
    return s;
  }

  async get(principal: Principal, reportId: string, sectionId: string) {
    // A part id that is not a UUID names no part (the nil UUID matches none); the report is checked first.
    const read = await readPart(this.ds, reportId, isUuid(sectionId) ? sectionId : NO_PART, principal.organisationId);
    if (!read?.readable) throw new NotFoundException('Không tìm thấy báo cáo.');
    const { report, section: s, current, assignee } = read;
    if (!s) throw new NotFoundException('Không tìm thấy phần báo cáo.');
    const catalogue = reportCatalogue(report);
    return {
      // The same part view as the report's section list (unit with its name, assignee), plus content and history.
      ...toSectionDto(s, new Map(assignee ? [[assignee.id, assignee]] : []), unitNamesFrom(read.units)),
      // Bound runs read their figures' current values, wherever the indicator lives (bound-texts.ts).
      content: await currentContentOf(this.ds.manager, catalogue, s, current),
      figures: figuresView(catalogue, s.code, (current?.figures as PartFigures | null) ?? null),
      revisions: read.revisions,
    };
  }

  async revision(principal: Principal, reportId: string, sectionId: string, revisionId: string): Promise<RevisionDto> {
    await this.section(principal, reportId, sectionId);
    const r = isUuid(revisionId)
      ? await this.ds.getRepository(SectionRevisionEntity).findOne({ where: { id: revisionId, sectionId } })
      : null;
    if (!r) throw new NotFoundException('Không tìm thấy phiên bản.');
    return {
      id: r.id,
      number: r.number,
      content: r.content as SectionContent,
      figures: (r.figures as PartFigures | null) ?? null,
      author: r.authorName,
      createdAt: r.createdAt.toISOString(),
    };
  }

  /**
   * Saves new content as a new revision. JSON bodies must name the current revision (`baseRevisionId`,
   * null for the first); text/plain bodies are appended as paragraphs on top of the current revision.
   */
  async save(
    principal: Principal,
    reportId: string,
    sectionId: string,
    body: ParsedBodyOf<'saveContent'> | string,
  ): Promise<{ revisionId: string; number: number }> {
    const plainText = typeof body === 'string';
    let content: SectionContent;
    let base: string | null | undefined;
    let figuresBody: unknown;
    if (plainText) {
      if (!body.trim()) throw new BadRequestException('Nội dung văn bản trống.');
      content = contentFromPlainText(body);
    } else {
      base = body.baseRevisionId;
      content = body.content as SectionContent;
      figuresBody = body.figures;
    }
    return this.ds.transaction(async (em) => {
      const report = await this.reports.load(principal, reportId, em, true);
      const s = await em.getRepository(SectionEntity).findOne({ where: { id: sectionId, reportId: report.id } });
      if (!s) throw new NotFoundException('Không tìm thấy phần báo cáo.');
      const user = await this.people.activeUser(principal.userId, principal.organisationId, em);
      const may = mayEditPart(
        { userId: user.id, roles: user.roles, unit: user.unitCode },
        {
          title: s.title,
          unit: s.unitCode,
          // The organisation's name of the unit as the report's policy keeps it (a Sở's "Văn phòng Sở").
          unitName: unitName(report.policy as unknown as RoutingPolicy, s.unitCode),
          assigneeId: s.assigneeId,
          state: s.state as SectionState,
        },
        report.state,
      );
      if (!may.ok && may.code === 'forbidden') throw new ForbiddenException(may.reason);
      if (!may.ok) throw new UnprocessableError(may.reason, { state: s.state });
      const figures = figuresBody === undefined ? undefined : acceptFigures(reportCatalogue(report), s.code, figuresBody);
      acceptBindings(reportCatalogue(report), content.blocks);
      const repo = em.getRepository(SectionRevisionEntity);
      if (plainText) {
        const current = s.currentRevisionId ? await repo.findOne({ where: { id: s.currentRevisionId } }) : null;
        content = { blocks: [...((current?.content as SectionContent) ?? { blocks: [] }).blocks, ...content.blocks] };
        base = s.currentRevisionId;
      } else if ((base ?? null) !== s.currentRevisionId) {
        const current = s.currentRevisionId ? await repo.findOne({ where: { id: s.currentRevisionId } }) : null;
        const shown = current ? await currentContentOf(em, reportCatalogue(report), s, current) : null;
        throw new ConflictWithState('Người khác vừa lưu phần này. Hãy xem bản mới và gộp thay đổi của bạn.', {
          current: current
            ? { revisionId: current.id, content: shown, author: current.authorName, createdAt: current.createdAt.toISOString() }
            : null,
        });
      }
      const rev = await this.writeRevision(em, s, user, content, base ?? null, figures, reportCatalogue(report));
      return { revisionId: rev.id, number: rev.number };
    });
  }

  /**
   * Content brought in by an import — or a compiled report's figures summed from its communes (issue 12 §5,
   * validated as a save's) — written as the first revision while the report is being set up (its opener only).
   */
  async importContent(
    principal: Principal,
    reportId: string,
    sectionId: string,
    content: SectionContent,
    figuresIn?: PartFigures,
  ): Promise<{ revisionId: string; number: number }> {
    const checked = parseInput(sectionContent, content);
    if (!checked.ok)
      throw new BadRequestException({
        statusCode: 400,
        message: `Nội dung nhập không hợp lệ: ${problemText(checked.problem)}`,
        field: checked.problem.field || undefined,
      });
    return this.ds.transaction(async (em) => {
      const report = await this.reports.load(principal, reportId, em, true);
      const s = await em.getRepository(SectionEntity).findOne({ where: { id: sectionId, reportId: report.id } });
      if (!s) throw new NotFoundException('Không tìm thấy phần báo cáo.');
      const user = await this.people.activeUser(principal.userId, principal.organisationId, em);
      if (report.createdBy !== user.id || report.state !== 'draft')
        throw new ForbiddenException('Chỉ người mở báo cáo mới nhập được nội dung, khi báo cáo chưa giao cho các phòng.');
      const figures = figuresIn === undefined ? undefined : acceptFigures(reportCatalogue(report), s.code, figuresIn);
      const rev = await this.writeRevision(em, s, user, content, s.currentRevisionId, figures, reportCatalogue(report));
      return { revisionId: rev.id, number: rev.number };
    });
  }

  /**
   * Writes a revision; figures left out (undefined) are carried over from the current revision.
   * Bound runs are stored with their figure's current text, so the stored content shows the value.
   */
  private async writeRevision(
    em: EntityManager,
    s: SectionEntity,
    user: UserEntity,
    contentIn: SectionContent,
    base: string | null,
    figuresIn: PartFigures | undefined,
    catalogue: IndicatorCatalogue | undefined,
  ): Promise<SectionRevisionEntity> {
    const repo = em.getRepository(SectionRevisionEntity);
    const figures =
      figuresIn ??
      (s.currentRevisionId
        ? (((await repo.findOne({ where: { id: s.currentRevisionId }, select: { id: true, figures: true } }))
            ?.figures as PartFigures | null) ?? null)
        : null);
    const content = await withCurrentFigureTexts(em, catalogue, s, figures, contentIn);
    const last = await repo
      .createQueryBuilder('r')
      .select('MAX(r.number)', 'max')
      .where('r.section_id = :id', { id: s.id })
      .getRawOne<{ max: number | null }>();
    const normalized = JSON.parse(JSON.stringify(content, (_k, v) => (typeof v === 'string' ? v.normalize('NFC') : v))) as SectionContent;
    const hash = revisionHash(normalized, figures);
    const rev = await repo.save(
      repo.create({
        sectionId: s.id,
        reportId: s.reportId,
        number: Number(last?.max ?? 0) + 1,
        baseRevisionId: base,
        content: normalized,
        figures,
        contentHash: hash,
        authorId: user.id,
        authorName: user.fullName,
      }),
    );
    await em.getRepository(SectionEntity).update({ id: s.id }, { currentRevisionId: rev.id, currentContentHash: hash });
    s.currentRevisionId = rev.id;
    s.currentContentHash = hash;
    return rev;
  }
}
