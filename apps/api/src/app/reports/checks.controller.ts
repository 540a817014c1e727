import { Controller, Get, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { reportChecks } from './report-checks';
import { ReportsService } from './reports.service';

@Controller('reports/:id/checks')
export class ChecksController {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  async checks(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string) {
    const report = await this.reports.load(p, id);
    const parts = await reportChecks(this.ds.manager, report, await this.reports.sections(id));
    return parts
      .filter((c) => c.findings.length)
      .flatMap((c) =>
        c.findings.map((f) => ({
          sectionId: c.sectionId,
          part: c.code,
          partTitle: c.title,
          ...f,
          link: `/reports/${id}/sections/${c.sectionId}#chi-tieu-${f.codes[0] ?? ''}`,
        })),
      );
  }
}
