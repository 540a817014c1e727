import {
  BadRequestException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { XLSX_MEDIA_TYPE } from '@trinhky/contracts';
import { figuresByGroupOf, groupForPart, type PartFigures, type SectionContent } from '@trinhky/domain';
import { annexWorkbook, readPartSheet, XLSX_LIMITS } from '@trinhky/documents';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { isUuid } from '../common/http-errors';
import { SectionEntity, SectionRevisionEntity } from '../database/entities';
import { ReportsService } from './reports.service';
import { findingViews, reportCatalogue } from './section-figures';
import { SectionsService } from './sections.service';

export interface XlsxFile {
  bytes: Buffer;
  name: string;
}

/** Figures as spreadsheets: the annex and a part's sheet exported, a filled sheet saved as the part's new revision. */
@Injectable()
export class FiguresXlsxService {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly sections: SectionsService,
  ) {}

  private async catalogueOf(p: Principal, reportId: string) {
    const report = await this.reports.load(p, reportId);
    const catalogue = reportCatalogue(report);
    if (!catalogue) throw new NotFoundException('Báo cáo này không có phụ lục số liệu.');
    return { report, catalogue };
  }

  /** The figures the PDF shows (a part's accepted version, else its current one), by part code. */
  private async figuresByPart(sections: SectionEntity[]): Promise<Record<string, PartFigures | null>> {
    const ids = sections.map((s) => s.acceptedRevisionId ?? s.currentRevisionId).filter((x): x is string => !!x);
    const revs = ids.length
      ? await this.ds.getRepository(SectionRevisionEntity).find({ where: { id: In(ids) }, select: { id: true, figures: true } })
      : [];
    const byId = new Map(revs.map((r) => [r.id, (r.figures as PartFigures | null) ?? null]));
    return Object.fromEntries(sections.map((s) => [s.code, byId.get(s.acceptedRevisionId ?? s.currentRevisionId ?? '') ?? null]));
  }

  async annex(p: Principal, reportId: string): Promise<XlsxFile> {
    const { report, catalogue } = await this.catalogueOf(p, reportId);
    const sections = await this.ds.getRepository(SectionEntity).find({ where: { reportId } });
    const bytes = await annexWorkbook(catalogue, figuresByGroupOf(catalogue, await this.figuresByPart(sections)));
    return { bytes, name: `phu-luc-so-lieu-${report.periodKey}.xlsx` };
  }

  private async section(reportId: string, sectionId: string): Promise<SectionEntity> {
    const s = isUuid(sectionId) ? await this.ds.getRepository(SectionEntity).findOne({ where: { id: sectionId, reportId } }) : null;
    if (!s) throw new NotFoundException('Không tìm thấy phần báo cáo.');
    return s;
  }

  /** A part's sheet with its current figures (blank when it has none yet): what a department fills in Excel. */
  async partSheet(p: Principal, reportId: string, sectionId: string): Promise<XlsxFile> {
    const { report, catalogue } = await this.catalogueOf(p, reportId);
    const s = await this.section(reportId, sectionId);
    const group = groupForPart(catalogue, s.code);
    if (!group) throw new NotFoundException('Phần này không có bảng số liệu.');
    const rev = s.currentRevisionId
      ? await this.ds.getRepository(SectionRevisionEntity).findOne({ where: { id: s.currentRevisionId } })
      : null;
    const bytes = await annexWorkbook(catalogue, { [group.code]: (rev?.figures as PartFigures | null) ?? null }, [group.code]);
    return { bytes, name: `so-lieu-${group.code.toLowerCase()}-${report.periodKey}.xlsx` };
  }

  /**
   * A filled sheet → the part's new revision (its content unchanged, explanations kept), through the
   * same save as the editor: same access and conflict rules. A file at fault → 4xx naming the cells.
   */
  async importSheet(p: Principal, reportId: string, sectionId: string, baseRevisionId: string | undefined, body: unknown) {
    if (!Buffer.isBuffer(body) || !body.length)
      throw new UnsupportedMediaTypeException(`Hãy gửi tệp .xlsx trong thân yêu cầu với Content-Type ${XLSX_MEDIA_TYPE}.`);
    if (body.length > XLSX_LIMITS.maxFileBytes) throw new PayloadTooLargeException('Tệp quá lớn.');
    const { catalogue } = await this.catalogueOf(p, reportId);
    const s = await this.section(reportId, sectionId);
    const read = await readPartSheet(body, catalogue, s.code);
    if (!read.ok) {
      const more = read.problems.length > 10 ? ` (và ${read.problems.length - 10} lỗi khác)` : '';
      throw new BadRequestException({
        statusCode: 400,
        message: `Không nhập được tệp: ${read.problems.slice(0, 10).join(' ')}${more}`,
        problems: read.problems,
      });
    }
    const current = s.currentRevisionId
      ? await this.ds.getRepository(SectionRevisionEntity).findOne({ where: { id: s.currentRevisionId } })
      : null;
    const explanations = ((current?.figures as PartFigures | null) ?? null)?.explanations;
    const figures: PartFigures = explanations ? { ...read.figures, explanations } : read.figures;
    const content = (current?.content as SectionContent | undefined) ?? { blocks: [] };
    const saved = await this.sections.save(p, reportId, sectionId, {
      baseRevisionId: baseRevisionId ?? null,
      content,
      figures,
    } as Parameters<SectionsService['save']>[3]);
    return { ...saved, findings: findingViews(read.findings, figures) };
  }
}
