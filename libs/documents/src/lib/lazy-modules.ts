import type ExcelJSModule from 'exceljs';
import type mammothModule = require('mammoth');
import type pdfmakeModule = require('pdfmake');

/**
 * The heavy document libraries, loaded on first use rather than when the API starts: exceljs, pdfmake
 * and mammoth cost ≈ 0,9 s of start-up together (measured with a require hook), paid by every process
 * — each API test suite, each worker, the CLI — whether or not it ever writes a sheet, a PDF or reads a .docx.
 */
function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export const exceljs = once(() => require('exceljs') as typeof ExcelJSModule);
export const mammoth = once(() => require('mammoth') as typeof mammothModule);
export const pdfmake = once(() => require('pdfmake') as typeof pdfmakeModule);
