import { Controller, Get, HttpCode, Post, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable, interval, map, merge } from 'rxjs';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { InboxService, type InboxItem } from './inbox.service';
import { NotificationsService } from './notifications.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get('inbox')
  @ApiOperation({ summary: 'Việc chờ xử lý của tôi (kèm hạn, quá hạn)' })
  items(@CurrentPrincipal() p: Principal): Promise<InboxItem[]> {
    return this.inbox.items(p);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'Thông báo của tôi' })
  list(@CurrentPrincipal() p: Principal) {
    return this.inbox.notifications(p);
  }

  @Post('notifications/read')
  @HttpCode(204)
  async read(@CurrentPrincipal() p: Principal): Promise<void> {
    await this.inbox.markRead(p);
  }

  @Sse('notifications/stream')
  @ApiOperation({ summary: 'Luồng sự kiện (server-sent events); token qua ?access_token=' })
  stream(@CurrentPrincipal() p: Principal): Observable<{ data: unknown; type?: string }> {
    const keepAlive = interval(25_000).pipe(map(() => ({ data: { type: 'ping' } })));
    return merge(this.notifications.stream(p.organisationId, p.userId), keepAlive);
  }
}
