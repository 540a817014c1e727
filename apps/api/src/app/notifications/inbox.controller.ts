import { Controller, Get, HttpCode, Post, Query, Sse } from '@nestjs/common';
import type { InboxPage } from '@trinhky/contracts';
import { contract, type Input } from '../common/contract.pipe';
import { Observable, interval, map, merge } from 'rxjs';
import { CurrentPrincipal, type Principal, TokenInQuery } from '../auth/auth.guard';
import { CurrentUsers } from '../auth/current-user';
import { whileCurrent } from '../auth/while-current';
import { InboxService } from './inbox.service';
import { NotificationsService } from './notifications.service';

@Controller()
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly notifications: NotificationsService,
    private readonly users: CurrentUsers,
  ) {}

  @Get('inbox')
  items(@CurrentPrincipal() p: Principal, @Query(contract('inbox', 'query')) q: Input<'inbox', 'query'>): Promise<InboxPage> {
    return this.inbox.page(p, q);
  }

  @Get('notifications')
  list(@CurrentPrincipal() p: Principal, @Query(contract('notifications', 'query')) q: Input<'notifications', 'query'>) {
    return this.inbox.notifications(p, q);
  }

  @Post('notifications/read')
  @HttpCode(204)
  async read(@CurrentPrincipal() p: Principal): Promise<void> {
    await this.inbox.markRead(p);
  }

  @Sse('notifications/stream')
  @TokenInQuery()
  // The query (the token, read by AuthGuard) is the contract's too: nothing else is accepted silently.
  stream(
    @CurrentPrincipal() p: Principal,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    @Query(contract('notificationStream', 'query')) _q: unknown,
  ): Observable<{ data: unknown; type?: string }> {
    const keepAlive = interval(Number(process.env['SSE_PING_MS'] || 25_000)).pipe(map(() => ({ data: { type: 'ping' } })));
    // A deactivated, moved or deleted user gets nothing more: the stream ends at the next event or ping.
    return whileCurrent(
      merge(this.notifications.stream(p.organisationId, p.userId), keepAlive),
      async () => !!(await this.users.current(p.userId, p.organisationId)),
    );
  }
}
