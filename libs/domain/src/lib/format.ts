/** Vietnamese number and date formatting: "2.139", "99,81", "ngày 05 tháng 01 năm 2026". */

/** Formats a number with "." thousands and "," decimals. `decimals` fixes the fraction digits. */
export function formatNumberVi(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '';
  const neg = value < 0;
  const abs = Math.abs(value);
  const fixed = decimals === undefined ? String(abs) : abs.toFixed(decimals);
  const [int, frac] = fixed.includes('e') ? [abs.toFixed(0), undefined] : fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/** "99,81 %" (a space before the sign, as in the brief's examples). */
export function formatPercentVi(value: number, decimals = 2): string {
  return `${formatNumberVi(value, decimals)} %`;
}

/** Parses "2.139", "99,81", "99,81%", "1.234,5" into a number; null when not a number. */
export function parseNumberVi(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '').replace(/\s/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(t)) return null;
  return Number(t.replace(/\./g, '').replace(',', '.'));
}

function parts(isoDate: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new Error(`Ngày không hợp lệ: ${isoDate}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** ND 30: a leading zero for days below 10 and for months 1 and 2. */
export function nd30Day(d: number): string {
  return d < 10 ? `0${d}` : String(d);
}
export function nd30Month(m: number): string {
  return m < 3 ? `0${m}` : String(m);
}

/** "ngày 05 tháng 01 năm 2026"; with a null date, the day and month are left blank for hand filling. */
export function formatDateLineVi(isoDate: string | null, year?: number): string {
  if (!isoDate) return `ngày      tháng      năm ${year ?? ''}`.trimEnd();
  const { y, m, d } = parts(isoDate);
  return `ngày ${nd30Day(d)} tháng ${nd30Month(m)} năm ${y}`;
}

/** "An Bình, ngày 25 tháng 9 năm 2025". */
export function formatPlaceDateVi(place: string, isoDate: string | null, year?: number): string {
  return `${place}, ${formatDateLineVi(isoDate, year)}`;
}

/** Short date as used in running text and tables: "03/9/2025" style is practice; we use dd/mm/yyyy. */
export function formatDateShortVi(isoDate: string): string {
  const { y, m, d } = parts(isoDate);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Vietnamese letter order for points: a) b) c) d) đ) e) g) h) i) k) … */
export const VI_POINT_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const;

export function pointLabel(index: number): string {
  const n = VI_POINT_LETTERS.length;
  const letter = index < n ? VI_POINT_LETTERS[index] : VI_POINT_LETTERS[Math.floor(index / n) - 1] + VI_POINT_LETTERS[index % n];
  return `${letter})`;
}

export function toRoman(n: number): string {
  const map: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of map)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** Register number with at least two digits: 7 → "07". */
export function formatRegisterNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Folds the tone-mark placement variants (UỶ/ỦY, Hoá/Hóa, Thuỷ/Thủy) and case so they compare equal. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/oá/g, 'óa')
    .replace(/oà/g, 'òa')
    .replace(/oả/g, 'ỏa')
    .replace(/oã/g, 'õa')
    .replace(/oạ/g, 'ọa')
    .replace(/oé/g, 'óe')
    .replace(/oè/g, 'òe')
    .replace(/oẻ/g, 'ỏe')
    .replace(/oẽ/g, 'õe')
    .replace(/oẹ/g, 'ọe')
    .replace(/uý/g, 'úy')
    .replace(/uỳ/g, 'ùy')
    .replace(/uỷ/g, 'ủy')
    .replace(/uỹ/g, 'ũy')
    .replace(/uỵ/g, 'ụy');
}
