import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ReportsService } from './reports.service';

/**
 * Who may see which report, and the report read as every area needs it (`ReportsService.load`):
 * audit, documents, sections, imports and province build on it without depending on the transitions.
 */
@Module({ imports: [OrganisationModule], providers: [ReportsService], exports: [ReportsService] })
export class ReportAccessModule {}
