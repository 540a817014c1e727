import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { RegisterService, registerCsv } from './register.service';

@ApiTags('register')
@ApiBearerAuth()
@Controller()
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  private year(y?: string): number | undefined {
    const n = Number(y);
    return Number.isInteger(n) && n > 2000 && n < 2200 ? n : undefined;
  }

  @Get('register')
  @ApiOperation({ summary: 'Sổ đăng ký văn bản đi' })
  async list(@CurrentPrincipal() p: Principal, @Query('year') year?: string, @Query('q') q?: string) {
    return (await this.register.list(p.organisationId, this.year(year), q?.slice(0, 200))).map((r) => ({
      id: r.id,
      number: r.number,
      numberText: r.numberText,
      year: r.year,
      date: r.issuedOn,
      type: r.docType,
      subject: r.subject,
      signer: r.signerName,
      recipients: r.recipients,
      archive: r.archiveUnit,
      copies: r.copies,
      reportId: r.reportId,
      dispatchedAt: r.dispatchedAt?.toISOString() ?? null,
    }));
  }

  @Get('register.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="so-van-ban-di.csv"')
  @ApiOperation({ summary: 'Xuất sổ văn bản đi (CSV, các cột theo Nghị định 30)' })
  async csv(@CurrentPrincipal() p: Principal, @Query('year') year?: string): Promise<string> {
    return registerCsv(await this.register.list(p.organisationId, this.year(year)));
  }
}
