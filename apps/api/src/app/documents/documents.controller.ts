import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { ReportsService } from '../reports/reports.service';
import { PdfService } from './pdf.service';
import { SigningService } from './signing/signing.service';

@Controller('reports/:id')
export class DocumentsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly pdf: PdfService,
    private readonly signing: SigningService,
  ) {}

  @Get('signatures')
  async signatures(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string) {
    const report = await this.reports.load(p, id);
    const out = await this.pdf.pdfFor(report);
    if (!out.frozen) return { kind: null, sha256: null, valid: false, signatures: [] };
    return { kind: report.number ? 'issued' : 'signed', sha256: out.sha256, ...(await this.signing.verify(out.bytes)) };
  }

  @Get('pdf')
  async pdfFile(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Res() res: Response): Promise<void> {
    const report = await this.reports.load(p, id);
    const out = await this.pdf.pdfFor(report);
    const name = report.numberText ? `bao-cao-${report.numberText.replace(/\//g, '-')}.pdf` : `bao-cao-${report.periodKey}.pdf`;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(out.bytes.length));
    res.setHeader('Content-Disposition', `inline; filename="${name}"`);
    res.setHeader('X-Content-SHA256', out.sha256);
    // The hash a signer's `sign` event names (documentSha256): the leader signs exactly these bytes.
    res.setHeader('X-Document-Sha256', out.sha256);
    res.setHeader('X-Frozen', String(out.frozen));
    res.end(out.bytes);
  }

  @Get('document')
  async document(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string) {
    await this.reports.load(p, id);
    return this.pdf.documentFor(id);
  }
}
