import { Body, Controller, Get, Headers, Param, Put } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { SectionsService } from './sections.service';

/** A JSON body `{baseRevisionId, content}` or a text/plain one; each parsed by its contract schema. */
const JSON_BODY = contract('saveContent');
const TEXT_BODY = contract('saveContent', 'textBody');

@Controller('reports/:id/sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Get(':sectionId')
  get(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string,
  ) {
    return this.sections.get(p, id, sectionId);
  }

  @Get(':sectionId/revisions/:revisionId')
  revision(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string,
    @Param('revisionId', new UuidPipe('phiên bản')) revisionId: string,
  ) {
    return this.sections.revision(p, id, sectionId, revisionId);
  }

  @Put(':sectionId/content')
  save(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType?: string,
  ) {
    const text = (contentType ?? '').startsWith('text/plain');
    const parsed = text ? (TEXT_BODY.transform(body) as string) : (JSON_BODY.transform(body) as Parameters<SectionsService['save']>[3]);
    return this.sections.save(p, id, sectionId, parsed);
  }
}
