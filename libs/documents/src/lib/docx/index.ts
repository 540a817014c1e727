export { buildReportDocx, renderReportDocx, type DocxOptions } from './export';
export { documentFootnotes, documentWords, wordRetention, type WordRetention } from './retention';
