import type { SrcLine } from './types';

export interface FrontMatter {
  issuerParent: string | null;
  issuerName: string | null;
  numberSuffix: string | null;
  number: number | null;
  place: string | null;
  date: string | null;
  year: number | null;
  used: Set<number>;
}

const NUMBER_RE = /^Số\s*:\s*(\d+)?\s*\/\s*([\p{L}\d-]+(?:\s*-\s*[\p{L}\d]+)*)/u;
const DATE_RE = /^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/u;

/** Reads the header fields written before the title: issuing body, "Số:", place and date. */
export function parseFront(lines: SrcLine[]): FrontMatter {
  const f: FrontMatter = {
    issuerParent: null,
    issuerName: null,
    numberSuffix: null,
    number: null,
    place: null,
    date: null,
    year: null,
    used: new Set(),
  };
  for (const l of lines) {
    if (!l.text) continue;
    const t = l.text;
    let m = NUMBER_RE.exec(t);
    if (m) {
      f.number = m[1] ? Number(m[1]) : null;
      f.numberSuffix = m[2].replace(/\s+/g, '');
      f.used.add(l.no);
    }
    m = DATE_RE.exec(t.replace(NUMBER_RE, '').trim());
    if (m) {
      f.place = m[1].trim();
      f.year = Number(m[4]);
      if (m[2] && m[3]) f.date = `${m[4]}-${m[3].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
      f.used.add(l.no);
      continue;
    }
    if (/^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(t)) {
      f.issuerParent = t;
      f.used.add(l.no);
    } else if (/^(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+\S/u.test(t)) {
      f.issuerName = t;
      f.used.add(l.no);
    } else if (
      /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc$|^[-_]{3,}$/u.test(t)
    ) {
      f.used.add(l.no);
    }
  }
  return f;
}

/** "UBND phường Vị Khê" / "UBND xã Thiên Phú" / "UBND Phường 2" in the text, when the header was lost. */
export function inferIssuer(text: string): { name: string; place: string } | null {
  const m =
    /(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(xã|phường|Phường|Xã|thị trấn)\s+((?:\p{Lu}[\p{L}]*|\d+)(?:\s+(?:\p{Lu}[\p{L}]*|\d+))*)/u.exec(
      text,
    );
  if (!m) return null;
  const kind = m[1].toLowerCase();
  const name = m[2].trim();
  return {
    name: `${kind} ${name}`.toUpperCase(),
    place: /^\d+$/.test(name) ? `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${name}` : name,
  };
}
