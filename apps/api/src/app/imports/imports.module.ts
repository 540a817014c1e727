import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { SectionsModule } from '../reports/sections.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Bringing an existing report in (plain text, .docx). */
@Module({ imports: [ReportsModule, SectionsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
