import type { ImportPreviewRequest } from '@trinhky/contracts';

/** Largest file the API reads (it refuses more with a message; checked here first to save the upload). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Turns a chosen file into what the API reads: .txt as text (UTF-8), .docx as base64; anything else is refused in words. */
export async function importSourceOf(file: {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<ImportPreviewRequest> {
  const name = file.name.toLowerCase();
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`Tệp "${file.name}" lớn hơn 5 MB; hãy chọn tệp nhỏ hơn.`);
  if (file.size === 0) throw new Error(`Tệp "${file.name}" rỗng.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (name.endsWith('.txt')) return { text: new TextDecoder('utf-8').decode(bytes) };
  if (name.endsWith('.docx')) return { docxBase64: toBase64(bytes) };
  if (name.endsWith('.doc')) throw new Error('Tệp .doc (Word 97-2003) chưa đọc được: hãy mở bằng Word và lưu thành .docx.');
  throw new Error(`Chỉ nhận tệp .docx (Word) hoặc .txt; "${file.name}" không phải.`);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Upload progress in percent (null while unknown). */
export function percentOf(loaded: number, total: number | undefined): number | null {
  return total ? Math.min(100, Math.round((loaded / total) * 100)) : null;
}
