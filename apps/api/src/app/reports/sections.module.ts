import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { FiguresXlsxController } from './figures-xlsx.controller';
import { FiguresXlsxService } from './figures-xlsx.service';
import { ReportAccessModule } from './report-access.module';
import { SectionsController } from './sections.controller';
import { SectionsService } from './sections.service';

/** A report's parts: their content, revisions and figures. */
@Module({
  imports: [OrganisationModule, ReportAccessModule],
  controllers: [SectionsController, FiguresXlsxController],
  providers: [SectionsService, FiguresXlsxService],
  exports: [SectionsService],
})
export class SectionsModule {}
