import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { XLSX_MEDIA_TYPE } from '@trinhky/contracts';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { FiguresXlsxService, type XlsxFile } from './figures-xlsx.service';

function send(res: Response, file: XlsxFile): void {
  res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
  res.setHeader('Content-Length', String(file.bytes.length));
  res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
  res.end(file.bytes);
}

/** annexXlsx, partSheet, importPartSheet (libs/contracts operations/figures.ts). */
@Controller('reports/:id')
export class FiguresXlsxController {
  constructor(private readonly xlsx: FiguresXlsxService) {}

  @Get('annex.xlsx')
  async annex(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Res() res: Response): Promise<void> {
    send(res, await this.xlsx.annex(p, id));
  }

  @Get('sections/:sectionId/figures.xlsx')
  async partSheet(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.xlsx.partSheet(p, id, sectionId));
  }

  @Post('sections/:sectionId/figures.xlsx')
  @HttpCode(200)
  importSheet(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string,
    @Query(contract('importPartSheet', 'query')) query: Input<'importPartSheet', 'query'>,
    @Body() body: unknown,
  ) {
    return this.xlsx.importSheet(p, id, sectionId, query.baseRevisionId, body);
  }
}
