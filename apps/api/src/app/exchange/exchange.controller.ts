import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { DeliveryView, IncomingEntry, IncomingPage, PendingDeliveryPage } from '@trinhky/contracts';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { DeliveryStatusService } from './delivery-status.service';
import { IncomingService } from './incoming.service';

/** The receiving agency's incoming register (sổ văn bản đến) and its văn thư's answers (issue 12). */
@Controller('incoming')
export class IncomingController {
  constructor(private readonly incoming: IncomingService) {}

  @Get()
  list(
    @CurrentPrincipal() p: Principal,
    @Query(contract('listIncoming', 'query')) q: Input<'listIncoming', 'query'>,
  ): Promise<IncomingPage> {
    return this.incoming.list(p, q);
  }

  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<IncomingEntry> {
    return this.incoming.get(p, id);
  }

  @Get(':id/pdf')
  async pdf(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string, @Res() res: Response): Promise<void> {
    const out = await this.incoming.pdf(p, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(out.bytes.length));
    res.setHeader('Content-Disposition', `inline; filename="${out.name}"`);
    res.setHeader('X-Content-SHA256', out.sha256);
    res.end(out.bytes);
  }

  @Post(':id/receipt')
  @HttpCode(200)
  receive(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<IncomingEntry> {
    return this.incoming.receive(p, id);
  }

  @Post(':id/refusal')
  @HttpCode(200)
  refuse(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body(contract('refuseIncoming')) body: Input<'refuseIncoming'>,
  ): Promise<IncomingEntry> {
    return this.incoming.refuse(p, id, body.reason);
  }
}

/** The sender's side: where a dispatched report's delivery stands. */
@Controller()
export class DeliveriesController {
  constructor(private readonly status: DeliveryStatusService) {}

  @Get('reports/:id/delivery')
  of(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<DeliveryView> {
    return this.status.of(p, id);
  }

  @Post('reports/:id/delivery/retry')
  @HttpCode(200)
  retry(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<DeliveryView> {
    return this.status.retry(p, id);
  }

  @Get('deliveries/pending')
  pending(
    @CurrentPrincipal() p: Principal,
    @Query(contract('pendingDeliveries', 'query')) q: Input<'pendingDeliveries', 'query'>,
  ): Promise<PendingDeliveryPage> {
    return this.status.pending(p, q);
  }
}

export const EXCHANGE_CONTROLLERS = [IncomingController, DeliveriesController];
export const EXCHANGE_PROVIDERS = [IncomingService, DeliveryStatusService];
