import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ChecksUserInTransaction, CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { PreviewBinding } from '../documents/preview-binding';
import { NotificationsService } from '../notifications/notifications.service';
import { ReportCreationService } from './report-creation.service';
import { ReportsService, type ReportListPage } from './reports.service';
import { TransitionsService, type EventResult } from './transitions.service';
import type { ReportDetailDto } from './report-views';
import { flag } from './report-list-sql';

/** Bodies and queries are parsed by their contract (libs/contracts); the shapes are documented at /api/docs. */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly creation: ReportCreationService,
    private readonly transitions: TransitionsService,
    private readonly notifications: NotificationsService,
    private readonly preview: PreviewBinding,
  ) {}

  @Get()
  list(
    @CurrentPrincipal() p: Principal,
    @Query(contract('listReports', 'query')) q: Input<'listReports', 'query'>,
  ): Promise<ReportListPage> {
    const { overdue, ...filter } = q;
    return this.reports.list(p, { ...filter, overdue: flag(overdue) });
  }

  @Post()
  create(@CurrentPrincipal() p: Principal, @Body(contract('createReport')) body: Input<'createReport'>): Promise<ReportDetailDto> {
    return this.creation.create(p, body);
  }

  @Get(':id')
  detail(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<ReportDetailDto> {
    return this.reports.detail(p, id);
  }

  @Post(':id/events')
  @ChecksUserInTransaction() // TransitionsService.send re-reads the user in its transaction (with the lock)
  @HttpCode(200)
  async events(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body(contract('sendEvent')) body: Input<'sendEvent'>,
  ): Promise<EventResult> {
    if (body.type === 'sign') await this.preview.check(p, id, body.documentSha256);
    // A comment of blanks is no comment (an event that requires one is refused by the workflow).
    const comment = body.comment?.trim() || undefined;
    return this.transitions.send(p, id, { ...body, comment }, () => this.notifications.kick());
  }
}
