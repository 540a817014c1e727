export { buildReportDefinition, normalizeDocument, type RenderOptions } from './lib/render/definition';
export { renderReportPdf, tinosFonts } from './lib/render/render';
export type { LabelledAnnex } from './lib/render/annex';
export { importPlainText } from './lib/import/import-text';
export type { ImportResult, ImportStats, SourceNote } from './lib/import/types';
export { sampleReportDocument } from './lib/sample';
export { importDocx } from './lib/import/import-docx';
export { RenderPool, type RenderPoolOptions } from './lib/pool/render-pool';
