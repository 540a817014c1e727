import { Controller, Get, Param, Query } from '@nestjs/common';
import type { AuditPage } from '@trinhky/contracts';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { ReportsService } from '../reports/reports.service';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  @Get('reports/:id/audit')
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Query(contract('listAudit', 'query')) q: Input<'listAudit', 'query'>,
  ): Promise<AuditPage> {
    await this.reports.load(p, id);
    const [entries, total] = await this.audit.page(id, q);
    const items = entries.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at.toISOString(),
      actor: { id: e.actorId, name: e.actorName, position: e.actorPosition },
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      sectionId: e.sectionId,
      comment: e.comment,
      summary: e.summary,
      contentHash: e.contentHash,
      prevHash: e.prevHash,
      hash: e.hash,
    }));
    return { items, total, limit: q.limit, offset: q.offset };
  }

  @Get('reports/:id/audit/verify')
  async verify(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string) {
    await this.reports.load(p, id);
    return this.audit.verify(id);
  }

  @Get('audit/verify')
  verifyOrganisation(@CurrentPrincipal() p: Principal) {
    return this.audit.verifyOrganisation(p.organisationId);
  }
}
