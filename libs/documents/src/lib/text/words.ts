/** Word lists of texts and their in-order comparison (LCS), for round-trip and extraction measures. */

/** Words of a text (runs of letters and digits), NFC, lower-cased, tone-mark variants folded. */
export function words(text: string, fold: (s: string) => string): string[] {
  return fold(text.normalize('NFC'))
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/** Length of the longest common subsequence of two word lists (Myers' O((N+M)·D) algorithm). */
export function lcsLength(a: string[], b: string[]): number {
  const ids = new Map<string, number>();
  const id = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
  const x0 = Int32Array.from(a, id);
  const y0 = Int32Array.from(b, id);
  const n = x0.length;
  const m = y0.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 3);
  const off = max + 1;
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && x0[x] === y0[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return (n + m - d) / 2;
    }
  }
  return 0;
}

/** Share of `source` words found in `target` in the same order (LCS), and the words missing from `target` at all. */
export function inOrderCoverage(source: string[], target: string[]): { found: number; total: number; missing: string[] } {
  const set = new Set(target);
  return { found: lcsLength(source, target), total: source.length, missing: source.filter((w) => !set.has(w)) };
}
