import { BadRequestException, Injectable } from '@nestjs/common';
import { parseInput, problemText, sectionContent, type ParsedBodyOf } from '@trinhky/contracts';

/** Either body carries the source (text or .docx); the contract ensures exactly one. */
type ImportSource = ParsedBodyOf<'importPreview'>;
import { DEFAULT_INPUT_LIMITS, TEMPLATES, blocksText, normaliseInput } from '@trinhky/domain';
import { importDocx, importPlainText, type ImportResult } from '@trinhky/documents';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { SectionEntity } from '../database/entities';
import { ReportCreationService } from '../reports/report-creation.service';
import { ReportsService } from '../reports/reports.service';
import { SectionsService } from '../reports/sections.service';
import { blocksAt } from './block-path';

export interface ImportPreview {
  result: ImportResult;
  /** Template parts found in the imported text (code → number of paragraphs). */
  found: Record<string, number>;
  /** Template parts the text has no heading for. */
  missing: string[];
}

const MAX_BYTES = 5 * 1024 * 1024;

/** Bringing an existing report in: read it, show what was understood, then open a report from it. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly creation: ReportCreationService,
    private readonly sections: SectionsService,
  ) {}

  /** What a file yields is input too: NFC, and no NUL or lone surrogate (refused before anything is stored). */
  async read(body: ImportSource): Promise<ImportResult> {
    const holder = { value: (await this.parse(body)) as unknown };
    const issue = normaliseInput(holder, 'tệp nhập', { ...DEFAULT_INPUT_LIMITS, maxNodes: 2_000_000 });
    if (issue) throw new BadRequestException(`Nội dung tệp nhập không hợp lệ: ${issue.message}`);
    return holder.value as ImportResult;
  }

  private async parse(body: ImportSource): Promise<ImportResult> {
    const { text, docxBase64: docx } = body;
    if (text?.trim()) {
      if (text.length > MAX_BYTES) throw new BadRequestException('Văn bản quá lớn (tối đa 5 MB).');
      return importPlainText(text);
    }
    if (docx) {
      const bytes = Buffer.from(docx, 'base64');
      if (bytes.length > MAX_BYTES) throw new BadRequestException('Tệp quá lớn (tối đa 5 MB).');
      if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new BadRequestException('Tệp không phải .docx (Word 2007 trở lên).');
      try {
        return await importDocx(bytes);
      } catch {
        throw new BadRequestException('Không đọc được tệp .docx: tệp hỏng hoặc không đúng định dạng Word.');
      }
    }
    throw new BadRequestException('Cần gửi nội dung báo cáo: "text" (văn bản) hoặc "docxBase64" (tệp Word).');
  }

  async preview(body: ImportSource): Promise<ImportPreview> {
    const result = await this.read(body);
    const template = TEMPLATES['CCHC_QUY'];
    const found: Record<string, number> = {};
    for (const [code, path] of Object.entries(result.mapping)) found[code] = blocksText(blocksAt(result.document, path) ?? []).length;
    return { result, found, missing: template.parts.map((p) => p.code).filter((c) => !(c in result.mapping)) };
  }

  /** Opens a report for a period and fills each section the import recognised with its text. */
  async createFromImport(principal: Principal, b: ParsedBodyOf<'importReport'>) {
    const { result, found, missing } = await this.preview(b);
    // Every part's content is checked before the report is opened: a refused import opens nothing.
    for (const path of Object.values(result.mapping)) {
      const checked = parseInput(sectionContent, { blocks: blocksAt(result.document, path) ?? [] });
      if (!checked.ok) throw new BadRequestException(`Nội dung nhập không hợp lệ: ${problemText(checked.problem)}`);
    }
    const report = await this.creation.create(principal, {
      templateCode: 'CCHC_QUY',
      period: b.period,
      deadline: b.deadline,
      basis: b.basis ?? null,
    });
    const rows = await this.ds.getRepository(SectionEntity).find({ where: { reportId: report.id } });
    for (const s of rows) {
      const path = result.mapping[s.code];
      const blocks = path ? blocksAt(result.document, path) : null;
      if (!blocks?.length) continue;
      await this.sections.importContent(principal, report.id, s.id, { blocks });
    }
    return { report: await this.reports.detail(principal, report.id), found, missing, unplaced: result.unplaced, stats: result.stats };
  }
}
