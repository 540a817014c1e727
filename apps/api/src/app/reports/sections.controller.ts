import { Body, Controller, Get, Headers, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { SectionsService } from './sections.service';

@ApiTags('sections')
@ApiBearerAuth()
@Controller('reports/:id/sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Get(':sectionId')
  @ApiOperation({ summary: 'Nội dung hiện tại và lịch sử phiên bản của một phần' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string) {
    return this.sections.get(p, id, sectionId);
  }

  @Get(':sectionId/revisions/:revisionId')
  @ApiOperation({ summary: 'Một phiên bản cũ của phần báo cáo' })
  revision(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string,
    @Param('revisionId', new UuidPipe('phiên bản')) revisionId: string,
  ) {
    return this.sections.revision(p, id, sectionId, revisionId);
  }

  @Put(':sectionId/content')
  @ApiOperation({ summary: 'Lưu nội dung (JSON {baseRevisionId, content} hoặc text/plain: mỗi dòng một đoạn, nối vào bản hiện tại)' })
  save(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param('sectionId', new UuidPipe('phần báo cáo')) sectionId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType?: string,
  ) {
    return this.sections.save(p, id, sectionId, body, (contentType ?? '').startsWith('text/plain'));
  }
}
