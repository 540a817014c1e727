import { importPlainText } from './import-text';
import type { ImportResult } from './types';
import mammoth = require('mammoth');

/** Imports a .docx report: mammoth extracts the paragraphs' text, then the plain-text parser reads it. */
export async function importDocx(buffer: Buffer): Promise<ImportResult> {
  const { value } = await mammoth.extractRawText({ buffer });
  return importPlainText(value);
}
