export { buildReportDefinition, normalizeDocument, type RenderOptions } from './lib/render/definition';
export { renderReportPdf, tinosFonts } from './lib/render/render';
