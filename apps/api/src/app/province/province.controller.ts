import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  XLSX_MEDIA_TYPE,
  type BoardPage,
  type BoardTotals,
  type ReceiverView,
  type RemindResult,
  type RequestPage,
  type RequestView,
} from '@trinhky/contracts';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import type { ReportDetailDto } from '../reports/report-views';
import { boardCsv, boardXlsx } from './board-export';
import { BoardService } from './board.service';
import { ReceiversService } from './receivers.service';
import { RemindersService } from './reminders.service';
import { RequestOpenService } from './request-open.service';
import { RequestsService } from './requests.service';

/** Report requests of a superior agency and what its addressed organisations do with them (issue 12). */
@ApiTags('province')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly opening: RequestOpenService,
    private readonly reminders: RemindersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Ban hành văn bản yêu cầu báo cáo gửi các cơ quan cấp dưới' })
  create(@CurrentPrincipal() p: Principal, @Body(contract('createRequest')) body: Input<'createRequest'>): Promise<RequestView> {
    return this.requests.create(p, body);
  }

  @Get()
  @ApiOperation({ summary: 'Văn bản yêu cầu báo cáo (ban hành hoặc gửi đến cơ quan mình), phân trang' })
  list(
    @CurrentPrincipal() p: Principal,
    @Query(contract('listRequests', 'query')) q: Input<'listRequests', 'query'>,
  ): Promise<RequestPage> {
    return this.requests.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Văn bản yêu cầu và tình trạng từng cơ quan nhận' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<RequestView> {
    return this.requests.get(p, id);
  }

  @Post(':id/open')
  @ApiOperation({ summary: 'Mở báo cáo từ văn bản yêu cầu' })
  open(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<ReportDetailDto> {
    return this.opening.open(p, id);
  }

  @Post(':id/remind')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đôn đốc các cơ quan chưa nộp (mỗi cơ quan một lần mỗi ngày)' })
  remind(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body(contract('remindRequest')) body: Input<'remindRequest'>,
  ): Promise<RemindResult> {
    return this.reminders.remind(p, id, body.organisationIds);
  }
}

/** The superior's board and who receives an organisation's reports. */
@ApiTags('province')
@ApiBearerAuth()
@Controller('province')
export class ProvinceController {
  constructor(
    private readonly board: BoardService,
    private readonly receivers: ReceiversService,
  ) {}

  @Get('board')
  @ApiOperation({ summary: 'Bảng theo dõi của cơ quan cấp trên, phân trang' })
  page(
    @CurrentPrincipal() p: Principal,
    @Query(contract('provinceBoard', 'query')) q: Input<'provinceBoard', 'query'>,
  ): Promise<BoardPage> {
    return this.board.page(p, q);
  }

  @Get('board/totals')
  @ApiOperation({ summary: 'Số liệu tổng hợp của bảng theo dõi, do cơ sở dữ liệu tính' })
  totals(
    @CurrentPrincipal() p: Principal,
    @Query(contract('provinceTotals', 'query')) q: Input<'provinceTotals', 'query'>,
  ): Promise<BoardTotals> {
    return this.board.totals(p, q);
  }

  @Get('board.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="theo-doi-bao-cao.csv"')
  @ApiOperation({ summary: 'Xuất bảng theo dõi đã lọc (CSV)' })
  async csv(
    @CurrentPrincipal() p: Principal,
    @Query(contract('provinceBoardCsv', 'query')) q: Input<'provinceBoardCsv', 'query'>,
  ): Promise<string> {
    return boardCsv(await this.board.all(p, q));
  }

  @Get('board.xlsx')
  @ApiOperation({ summary: 'Xuất bảng theo dõi đã lọc (Excel)' })
  async xlsx(
    @CurrentPrincipal() p: Principal,
    @Query(contract('provinceBoardXlsx', 'query')) q: Input<'provinceBoardXlsx', 'query'>,
    @Res() res: Response,
  ): Promise<void> {
    const bytes = await boardXlsx(await this.board.all(p, q));
    res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', 'attachment; filename="theo-doi-bao-cao.xlsx"');
    res.end(bytes);
  }

  @Get('receivers')
  @ApiOperation({ summary: 'Cơ quan nhận từng loại báo cáo' })
  listReceivers(@CurrentPrincipal() p: Principal): Promise<ReceiverView[]> {
    return this.receivers.list(p);
  }

  @Put('receivers/:reportKind')
  @ApiOperation({ summary: 'Quản trị: chọn cơ quan cấp trên nhận một loại báo cáo' })
  setReceiver(
    @CurrentPrincipal() p: Principal,
    @Param('reportKind') kind: string,
    @Body(contract('setReceiver')) body: Input<'setReceiver'>,
  ): Promise<ReceiverView> {
    return this.receivers.set(p, kind.slice(0, 40), body.receiverId);
  }
}

export const PROVINCE_CONTROLLERS = [RequestsController, ProvinceController];
export const PROVINCE_PROVIDERS = [RequestsService, RequestOpenService, RemindersService, BoardService, ReceiversService];
