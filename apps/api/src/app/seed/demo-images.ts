import { crc32, deflateSync } from 'node:zlib';

// Module-scoped: in a sandboxed context (Jest's vm) every `Math.x` in the pixel loops is a slow global lookup.
const { ceil, floor, max, min, round, sqrt } = Math;

/**
 * Demo signature and seal images, drawn procedurally (no binary assets in the repository):
 * a blue handwriting-like stroke on transparency, and a red double-ring seal with a star.
 */
class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 4);
  }

  /** A soft round dot (alpha-blended), the brush for strokes. */
  dot(cx: number, cy: number, r: number, rgb: [number, number, number], alpha = 1): void {
    for (let y = floor(cy - r - 1); y <= ceil(cy + r + 1); y++) {
      for (let x = floor(cx - r - 1); x <= ceil(cx + r + 1); x++) {
        if (x < 0 || y < 0 || x >= this.w || y >= this.h) continue;
        const d = sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
        const a = max(0, min(1, r + 0.5 - d)) * alpha;
        if (a <= 0) continue;
        const i = (y * this.w + x) * 4;
        const old = this.px[i + 3] / 255;
        const out = a + old * (1 - a);
        for (let k = 0; k < 3; k++) this.px[i + k] = round((rgb[k] * a + this.px[i + k] * old * (1 - a)) / (out || 1));
        this.px[i + 3] = round(out * 255);
      }
    }
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.w * 4 + 1) * this.h);
    for (let y = 0; y < this.h; y++) {
      raw[y * (this.w * 4 + 1)] = 0;
      Buffer.from(this.px.buffer, y * this.w * 4, this.w * 4).copy(raw, y * (this.w * 4 + 1) + 1);
    }
    const chunk = (type: string, data: Buffer): Buffer => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(td) >>> 0);
      return Buffer.concat([len, td, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.w, 0);
    ihdr.writeUInt32BE(this.h, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;

/** A blue signature-like flourish; `seed` varies it per person. */
export function signaturePng(seed: number): string {
  const c = new Canvas(360, 140);
  const blue: [number, number, number] = [20, 50, 170];
  let prev: [number, number] | null = null;
  for (let t = 0; t <= 1; t += 0.0015) {
    const x = 30 + 300 * t;
    const y = 70 + 38 * Math.sin(t * (9 + (seed % 4)) + seed) * Math.cos(t * 3.1) + 12 * Math.sin(t * 31 + seed * 2);
    if (prev) for (let k = 0; k <= 4; k++) c.dot(prev[0] + ((x - prev[0]) * k) / 4, prev[1] + ((y - prev[1]) * k) / 4, 2.2 - t, blue);
    prev = [x, y];
  }
  for (let x = 60; x < 300; x += 1) c.dot(x, 112 + 4 * Math.sin(x / 25 + seed), 1.4, blue, 0.9);
  return dataUrl(c.png());
}

/** A red round seal: two rings and a five-pointed star. */
let seal: string | undefined;

/** The demo seal (drawn once per process: it is the same for every commune). */
export function sealPng(): string {
  return (seal ??= drawSeal());
}

function drawSeal(): string {
  const size = 300;
  const c = new Canvas(size, size);
  const red: [number, number, number] = [205, 20, 30];
  const cx = size / 2;
  for (let a = 0; a < Math.PI * 2; a += 0.004) {
    c.dot(cx + 140 * Math.cos(a), cx + 140 * Math.sin(a), 4, red, 0.9);
    c.dot(cx + 95 * Math.cos(a), cx + 95 * Math.sin(a), 2, red, 0.9);
    // the ring of "lettering" between the circles, as dashes
    if (Math.floor(a * 40) % 3 !== 0) c.dot(cx + 118 * Math.cos(a), cx + 118 * Math.sin(a), 3.2, red, 0.75);
  }
  const pts: [number, number][] = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 60 : 24;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cx + r * Math.sin(a)];
  });
  // fill the star by scanning
  for (let y = cx - 62; y < cx + 62; y++) {
    for (let x = cx - 62; x < cx + 62; x++) {
      let inside = false;
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const [xi, yi] = pts[i];
        const [xj, yj] = pts[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) c.dot(x, y, 0.8, red, 0.9);
    }
  }
  return dataUrl(c.png());
}
