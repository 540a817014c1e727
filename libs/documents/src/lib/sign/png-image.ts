import { inflateSync } from 'node:zlib';

/** A decoded PNG as PDF image data: 8-bit RGB samples and, when the PNG has one, its alpha as a soft mask. */
export interface PdfImageData {
  width: number;
  height: number;
  rgb: Buffer;
  alpha: Buffer | null;
}

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/**
 * Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what the signature pad and the demo seed produce);
 * null for anything else (the appearance then draws text only).
 */
export function decodePng(png: Buffer): PdfImageData | null {
  if (png.length < 33 || png.readUInt32BE(0) !== 0x89504e47) return null;
  let at = 8;
  let width = 0,
    height = 0,
    colorType = -1;
  const idat: Buffer[] = [];
  while (at + 8 <= png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9];
      if (data[8] !== 8 || data[12] !== 0 || (colorType !== 2 && colorType !== 6)) return null;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (!width || !height || !idat.length) return null;
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < (stride + 1) * height) return null;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? pixels[row + x - bpp] : 0;
      const b = y ? pixels[row - stride + x] : 0;
      const c = x >= bpp && y ? pixels[row - stride + x - bpp] : 0;
      const v = raw[src + x];
      const pred = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      pixels[row + x] = (v + pred) & 0xff;
    }
  }
  if (bpp === 3) return { width, height, rgb: pixels, alpha: null };
  const rgb = Buffer.alloc(width * height * 3);
  const alpha = Buffer.alloc(width * height);
  for (let i = 0; i < width * height; i++) {
    rgb[i * 3] = pixels[i * 4];
    rgb[i * 3 + 1] = pixels[i * 4 + 1];
    rgb[i * 3 + 2] = pixels[i * 4 + 2];
    alpha[i] = pixels[i * 4 + 3];
  }
  return { width, height, rgb, alpha };
}

/** The PNG inside a `data:image/png;base64,` URL, decoded; null when it is not one. */
export function decodePngDataUrl(url: string | null | undefined): PdfImageData | null {
  const m = /^data:image\/png;base64,(.*)$/s.exec(url ?? '');
  return m ? decodePng(Buffer.from(m[1], 'base64')) : null;
}
