import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { ImportsService } from './imports.service';

@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('preview')
  @HttpCode(200)
  preview(@Body(contract('importPreview')) body: Input<'importPreview'>) {
    return this.imports.preview(body);
  }

  @Post('report')
  create(@CurrentPrincipal() p: Principal, @Body(contract('importReport')) body: Input<'importReport'>) {
    return this.imports.createFromImport(p, body);
  }
}
