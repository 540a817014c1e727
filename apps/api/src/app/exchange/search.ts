/** Accent-insensitive search without an extension: the same folding in SQL (translate) and in JS. */
const FROM = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const TO = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/**
 * SQL expression folding `expr` (lower case, no Vietnamese diacritics). The capitals are in the table
 * too: `lower()` leaves non-ASCII letters (Đ, Ố, …) as they are under the C locale.
 */
export const foldSql = (expr: string): string => `translate(lower(${expr}), '${FROM}${FROM.toUpperCase()}', '${TO}${TO}')`;

/** The search text folded like `foldSql`, as an ILIKE pattern with its wildcards escaped. */
export function foldedPattern(q: string): string {
  const folded = [...q.normalize('NFC').toLowerCase()].map((c) => {
    const i = FROM.indexOf(c);
    return i >= 0 ? TO[i] : c;
  });
  return `%${folded.join('').replace(/[%_\\]/g, (c) => '\\' + c)}%`;
}
