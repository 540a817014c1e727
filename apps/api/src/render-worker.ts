/**
 * Bundled as dist/apps/api/render-worker.js: the module the PDF worker threads load
 * (RenderPool `entry`). It only re-exports the renderer of libs/documents.
 */
export { renderReportDocx, renderReportPdf, renderReportPdfLaidOut } from '@trinhky/documents';
