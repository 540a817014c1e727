import { deflateSync } from 'node:zlib';
import { readRevision, type PdfRevision } from './pdf-objects';

/** A PDF object body: a dictionary (text), or a dictionary and its stream data (compressed here). */
export type PdfObjectBody = string | { dict: string; stream: Buffer; raw?: boolean };

/**
 * An incremental update (ISO 32000-1 §7.5.6): new and changed objects appended after the existing
 * bytes, with their own xref section and a trailer pointing back (/Prev). The bytes before are never
 * touched, so earlier signatures stay valid.
 */
export class IncrementalUpdate {
  readonly rev: PdfRevision;
  private next: number;
  private readonly objects = new Map<number, PdfObjectBody>();

  constructor(readonly pdf: Buffer) {
    this.rev = readRevision(pdf);
    this.next = this.rev.size;
  }

  /** A new object number. */
  alloc(): number {
    return this.next++;
  }

  /** Sets (adds or replaces) object `num`. */
  put(num: number, body: PdfObjectBody): number {
    this.objects.set(num, body);
    return num;
  }

  add(body: PdfObjectBody): number {
    return this.put(this.alloc(), body);
  }

  /** The file with the update appended, and each written object's byte offset. */
  build(): { pdf: Buffer; offsets: Map<number, number> } {
    const parts: Buffer[] = [this.pdf];
    let at = this.pdf.length;
    const push = (b: Buffer) => {
      parts.push(b);
      at += b.length;
    };
    if (this.pdf[this.pdf.length - 1] !== 0x0a) push(Buffer.from('\n'));
    const offsets = new Map<number, number>();
    const nums = [...this.objects.keys()].sort((a, b) => a - b);
    for (const num of nums) {
      offsets.set(num, at);
      const body = this.objects.get(num) as PdfObjectBody;
      if (typeof body === 'string') {
        push(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
        continue;
      }
      const data = body.raw ? body.stream : deflateSync(body.stream);
      const dict = body.raw ? body.dict : body.dict.replace(/>>\s*$/, '/Filter /FlateDecode\n>>');
      push(Buffer.from(`${num} 0 obj\n${dict.replace(/>>\s*$/, `/Length ${data.length}\n>>`)}\nstream\n`, 'latin1'));
      push(data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
    const xrefAt = at;
    let xref = 'xref\n';
    for (let i = 0; i < nums.length;) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
      xref += `${nums[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k])).padStart(10, '0')} 00000 n \n`;
      i = j + 1;
    }
    const size = Math.max(this.next, this.rev.size);
    const info = this.rev.info !== null ? `/Info ${this.rev.info} 0 R\n` : '';
    const id = this.rev.id ? `/ID ${this.rev.id}\n` : '';
    xref += `trailer\n<<\n/Size ${size}\n/Root ${this.rev.root} 0 R\n${info}${id}/Prev ${this.rev.startxref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    push(Buffer.from(xref, 'latin1'));
    return { pdf: Buffer.concat(parts, at), offsets };
  }
}

/** A PDF text string as UTF-16BE hex with a BOM (`<FEFF…>`): any Vietnamese text survives. */
export function pdfTextString(s: string): string {
  const utf16 = Buffer.from(`\ufeff${s.normalize('NFC')}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/** D:YYYYMMDDHHmmSS+07'00' in Vietnam's time zone (UTC+7, no daylight saving). */
export function pdfDateVn(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `D:${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}+07'00'`;
}
