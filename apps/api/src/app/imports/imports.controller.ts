import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đọc thử một báo cáo cũ (văn bản hoặc .docx): cấu trúc tìm được, phần khớp mẫu, đoạn chưa xếp được' })
  @ApiBody({ schema: { type: 'object', properties: { text: { type: 'string' }, docxBase64: { type: 'string' } } } })
  preview(@Body() body: unknown) {
    return this.imports.preview(body);
  }

  @Post('report')
  @ApiOperation({ summary: 'Mở báo cáo cho một kỳ từ báo cáo cũ: các phần khớp mẫu được điền sẵn nội dung' })
  @ApiBody({ schema: { type: 'object', properties: { text: { type: 'string' }, docxBase64: { type: 'string' }, period: { type: 'object' }, deadline: { type: 'string' } } } })
  create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.imports.createFromImport(p, body);
  }
}
