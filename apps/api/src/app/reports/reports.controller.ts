import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChecksUserInTransaction, CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { isUuid } from '../common/http-errors';
import { UuidPipe } from '../common/uuid.pipe';
import { NotificationsService } from '../notifications/notifications.service';
import { ReportCreationService } from './report-creation.service';
import { ReportsService } from './reports.service';
import { TransitionsService, parseEventRequest, type EventResult } from './transitions.service';
import type { ReportDetailDto, ReportSummaryDto } from './report-views';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly creation: ReportCreationService,
    private readonly transitions: TransitionsService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách báo cáo của cơ quan và của các cơ quan cấp dưới nó theo dõi (lọc theo kỳ, trạng thái, đơn vị, quá hạn, từ khóa, cơ quan)' })
  list(
    @CurrentPrincipal() p: Principal,
    @Query('state') state?: string,
    @Query('period') period?: string,
    @Query('unit') unit?: string,
    @Query('kind') kind?: string,
    @Query('overdue') overdue?: string,
    @Query('q') q?: string,
    @Query('organisation') organisation?: string,
  ): Promise<ReportSummaryDto[]> {
    if (organisation !== undefined && !isUuid(organisation)) throw new BadRequestException('Mã cơ quan trong bộ lọc không hợp lệ.');
    return this.reports.list(p, { state, period, unit, kind, overdue: overdue === 'true' || overdue === '1', q: q?.slice(0, 200), organisation });
  }

  @Post()
  @ApiOperation({ summary: 'Mở báo cáo cho một kỳ từ mẫu (tạo các phần, phân công cho phòng ban)' })
  @ApiBody({ schema: { type: 'object', properties: { templateCode: { type: 'string', example: 'CCHC_QUY' }, period: { type: 'object', example: { kind: 'quarter', year: 2026, index: 1 } }, deadline: { type: 'string', example: '2026-03-20' }, basis: { type: 'string' }, assignees: { type: 'object' } } } })
  create(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<ReportDetailDto> {
    return this.creation.create(p, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết báo cáo, các phần và thao tác người dùng được phép làm lúc này' })
  detail(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<ReportDetailDto> {
    return this.reports.detail(p, id);
  }

  @Post(':id/events')
  @ChecksUserInTransaction() // TransitionsService.send re-reads the user in its transaction (round trip 2)
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi một thao tác quy trình (403 không có quyền, 409 phiên bản cũ, 422 không hợp lệ ở trạng thái này)' })
  @ApiBody({ schema: { type: 'object', properties: { type: { type: 'string' }, sectionId: { type: 'string' }, comment: { type: 'string' }, payload: { type: 'object' }, expectedVersion: { type: 'integer' } }, required: ['type', 'expectedVersion'] } })
  events(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Body() body: unknown): Promise<EventResult> {
    return this.transitions.send(p, id, parseEventRequest(body), () => this.notifications.kick());
  }
}
