import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { rawBodyOf } from '../common/input';
import { UuidPipe } from '../common/uuid.pipe';
import { PdfService } from '../documents/pdf.service';
import { ReportsService } from '../reports/reports.service';
import { EdxmlService } from './edxml.service';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** File name of a report's download: "bao-cao-07-BC-UBND.docx", or by period before it is numbered. */
export function downloadName(report: { numberText: string | null; periodKey: string }, ext: string): string {
  return report.numberText ? `bao-cao-${report.numberText.replace(/\//g, '-')}.${ext}` : `bao-cao-${report.periodKey}.${ext}`;
}

/** The report as Word (.docx) and as an edXML envelope; edXML status messages from the recipient. */
@Controller()
export class EdxmlController {
  constructor(
    private readonly reports: ReportsService,
    private readonly pdf: PdfService,
    private readonly edxml: EdxmlService,
  ) {}

  /** Same read access as the PDF: the organisation's own reports and those its agency follows. */
  @Get('reports/:id/document.docx')
  async docx(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Res() res: Response): Promise<void> {
    const report = await this.reports.load(p, id);
    const bytes = await this.pdf.docxFor(id);
    res.setHeader('Content-Type', DOCX_TYPE);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename="${downloadName(report, 'docx')}"`);
    res.end(bytes);
  }

  @Get('reports/:id/edxml')
  async envelope(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Res() res: Response): Promise<void> {
    const { report, xml } = await this.edxml.envelope(p, id);
    const bytes = Buffer.from(xml, 'utf8');
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename="${downloadName(report, 'edxml')}"`);
    res.end(bytes);
  }

  @Post('edxml/status')
  @HttpCode(200)
  status(@CurrentPrincipal() p: Principal, @Body(contract('importEdxmlStatus', 'textBody')) xml: string, @Req() req: Request) {
    return this.edxml.importStatus(p, xml, rawBodyOf(req));
  }

  @Put('admin/organisation/agency-code')
  agencyCode(@CurrentPrincipal() p: Principal, @Body(contract('setAgencyCode')) body: Input<'setAgencyCode'>) {
    return this.edxml.setAgencyCode(p, body.agencyCode);
  }
}
