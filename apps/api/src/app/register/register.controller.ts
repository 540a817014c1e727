import { Controller, Get, Header, Query } from '@nestjs/common';
import type { RegisterPage } from '@trinhky/contracts';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { RegisterService, registerCsv } from './register.service';

@Controller()
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get('register')
  async list(
    @CurrentPrincipal() p: Principal,
    @Query(contract('listRegister', 'query')) query: Input<'listRegister', 'query'>,
  ): Promise<RegisterPage> {
    const { rows, total } = await this.register.page(p.organisationId, query);
    const items = rows.map((r) => ({
      id: r.id,
      number: r.number,
      numberText: r.numberText,
      year: r.year,
      date: r.issuedOn,
      type: r.docType,
      subject: r.subject,
      signer: r.signerName,
      recipients: r.recipients
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean),
      archive: r.archiveUnit,
      copies: r.copies,
      reportId: r.reportId,
      dispatchedAt: r.dispatchedAt?.toISOString() ?? null,
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  @Get('register.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="so-van-ban-di.csv"')
  async csv(
    @CurrentPrincipal() p: Principal,
    @Query(contract('registerCsv', 'query')) query: Input<'registerCsv', 'query'>,
  ): Promise<string> {
    return registerCsv(await this.register.list(p.organisationId, query.year, query.q));
  }
}
