import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { XLSX_MEDIA_TYPE, type RequestAggregate } from '@trinhky/contracts';
import { aggregateWorkbook } from '@trinhky/documents';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import type { ReportDetailDto } from '../reports/report-views';
import { AggregateService } from './aggregate.service';
import { CompileService } from './compile.service';

/** requestAggregate, requestAggregateXlsx, compileRequest (libs/contracts operations/aggregate.ts). */
@Controller('requests/:id')
export class AggregateController {
  constructor(
    private readonly aggregates: AggregateService,
    private readonly compiler: CompileService,
  ) {}

  @Get('aggregate')
  aggregate(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<RequestAggregate> {
    return this.aggregates.view(p, id);
  }

  @Get('aggregate.xlsx')
  async xlsx(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Res() res: Response): Promise<void> {
    const a = await this.aggregates.aggregation(p, id);
    const bytes = await aggregateWorkbook({
      aggregate: a.aggregate,
      subtitle: this.aggregates.subtitle(a.request),
      communes: a.included.map((x) => x.organisation),
    });
    res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename="tong-hop-so-lieu-${a.request.period_key}.xlsx"`);
    res.end(bytes);
  }

  @Post('compile')
  compile(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body(contract('compileRequest')) body: Input<'compileRequest'>,
  ): Promise<ReportDetailDto> {
    return this.compiler.compile(p, id, body);
  }
}
