import { Module } from '@nestjs/common';
import { ReportAccessModule } from '../reports/report-access.module';
import { DocumentsController } from './documents.controller';
import { PdfService } from './pdf.service';
import { PreviewBinding } from './preview-binding';
import { SigningService } from './signing/signing.service';

/** The report's PDF (rendered, frozen, digitally signed) and its signatures. */
@Module({
  imports: [ReportAccessModule],
  controllers: [DocumentsController],
  providers: [PdfService, SigningService, PreviewBinding],
  exports: [PdfService, SigningService, PreviewBinding],
})
export class DocumentsModule {}
