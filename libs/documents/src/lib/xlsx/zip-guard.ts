import { inflateRawSync } from 'node:zlib';

/** Limits of an uploaded .xlsx: the file, its entries, their uncompressed total (a zip bomb is refused before parsing). */
export interface ZipLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxUncompressedBytes: number;
}

export const XLSX_LIMITS: ZipLimits = { maxFileBytes: 2 * 1024 * 1024, maxEntries: 500, maxUncompressedBytes: 30 * 1024 * 1024 };

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Checks a zip's central directory and inflates every entry under a cap on the real output (sizes a
 * header declares can lie), before any parser reads it. Returns the problem in Vietnamese, or null.
 */
export function zipProblem(buf: Buffer, limits: ZipLimits = XLSX_LIMITS): string | null {
  if (buf.length > limits.maxFileBytes) return `Tệp quá lớn (${mb(buf.length)}; tối đa ${mb(limits.maxFileBytes)}).`;
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50)
    return 'Tệp không phải là tệp Excel (.xlsx): không đúng định dạng nén của .xlsx.';
  // End of central directory: the last 0x06054b50 within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return 'Tệp .xlsx bị hỏng (không đọc được mục lục tệp nén).';
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) return `Tệp .xlsx có quá nhiều thành phần (${entries}; tối đa ${limits.maxEntries}).`;
  let p = cdOffset;
  let total = 0;
  const names = new Set<string>();
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return 'Tệp .xlsx bị hỏng (mục lục tệp nén sai).';
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    names.add(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    total += declared;
    if (total > limits.maxUncompressedBytes) return tooBig(limits);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return 'Tệp .xlsx bị hỏng (thành phần nén sai).';
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) continue;
    if (method !== 8) return 'Tệp .xlsx dùng kiểu nén không được hỗ trợ.';
    try {
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, limits.maxUncompressedBytes - (total - declared)) });
      if (out.length !== declared) return 'Tệp .xlsx bị hỏng (kích thước thành phần không khớp).';
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? tooBig(limits) : 'Tệp .xlsx bị hỏng (không giải nén được).';
    }
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    return 'Tệp không phải là tệp Excel (.xlsx): thiếu phần bảng tính (xl/workbook.xml).';
  return null;
}

function tooBig(limits: ZipLimits): string {
  return `Tệp .xlsx giải nén ra quá lớn (hơn ${mb(limits.maxUncompressedBytes)}): có thể là tệp độc hại (zip bomb), không được đọc.`;
}
