import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import type { AuditPage } from '@trinhky/contracts';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('reports/:id/audit')
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Query(contract('listAudit', 'query')) q: Input<'listAudit', 'query'>,
  ): Promise<AuditPage> {
    const page = await this.audit.page(id, p.organisationId, q);
    if (!page) throw new NotFoundException('Không tìm thấy báo cáo.');
    return page;
  }

  @Get('reports/:id/audit/verify')
  async verify(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe()) id: string) {
    const check = await this.audit.verifyFor(id, p.organisationId);
    if (!check) throw new NotFoundException('Không tìm thấy báo cáo.');
    return check;
  }

  @Get('audit/verify')
  verifyOrganisation(@CurrentPrincipal() p: Principal) {
    return this.audit.verifyOrganisation(p.organisationId);
  }
}
