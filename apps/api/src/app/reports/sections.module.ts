import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ReportAccessModule } from './report-access.module';
import { SectionsController } from './sections.controller';
import { SectionsService } from './sections.service';

/** A report's parts: their content, revisions and figures. */
@Module({
  imports: [OrganisationModule, ReportAccessModule],
  controllers: [SectionsController],
  providers: [SectionsService],
  exports: [SectionsService],
})
export class SectionsModule {}
