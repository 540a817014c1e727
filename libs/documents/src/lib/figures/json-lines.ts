import { visit } from 'jsonc-parser';

/**
 * Where each string of a JSON file stands: the 1-based line of the file on which the string value
 * at a path ("document/body/3/runs/0/text") opens. The figure checker reports a report.json's
 * findings on these lines, so an editor opened on the file lands on the figure's text.
 * A file written on one line (minified) is counted as written by `JSON.stringify(value, null, 2)`
 * (what `cli import --out report.json` writes), so its lines still tell the figures apart.
 */
export type JsonLineOf = (path: (string | number)[]) => number | undefined;

/** The line of every string value of a JSON text (already known to parse), by its path. */
function scan(raw: string): Map<string, number> {
  const out = new Map<string, number>();
  visit(raw, {
    onLiteralValue: (value, _offset, _length, startLine, _startCharacter, path) => {
      if (typeof value === 'string')
        out.set(
          path()
            .map((k) => `/${k}`)
            .join(''),
          startLine + 1,
        );
    },
  });
  return out;
}

/** The line of each string of `raw` (a JSON text), by its path from the root. */
export function jsonLines(raw: string): JsonLineOf {
  const text = /\n\s*\S/u.test(raw.trim()) ? raw : JSON.stringify(JSON.parse(raw), null, 2);
  const lines = scan(text);
  return (path) => lines.get(path.length ? `/${path.join('/')}` : '');
}
