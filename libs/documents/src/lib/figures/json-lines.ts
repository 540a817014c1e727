/**
 * Where each string of a JSON file stands: the 1-based line of the file on which the string value
 * at a path ("document/body/3/runs/0/text") opens. The figure checker reports a report.json's
 * findings on these lines, so an editor opened on the file lands on the figure's text.
 * A file written on one line (minified) is counted as written by `JSON.stringify(value, null, 2)`
 * (what `cli import --out report.json` writes), so its lines still tell the figures apart.
 */
export type JsonLineOf = (path: (string | number)[]) => number | undefined;

const WS = new Set([' ', '\t', '\n', '\r']);

/** Scans a JSON text (already known to parse) and records the line of every string value by its path. */
function scan(raw: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = () => {
    while (i < raw.length && WS.has(raw[i])) {
      if (raw[i] === '\n') line++;
      i++;
    }
  };
  const str = (): void => {
    i++; // opening quote
    while (i < raw.length && raw[i] !== '"') {
      if (raw[i] === '\\') i++;
      else if (raw[i] === '\n') line++;
      i++;
    }
    i++;
  };
  const key = (): string => {
    const from = i;
    str();
    return JSON.parse(raw.slice(from, i)) as string;
  };
  const value = (path: string): void => {
    skip();
    const ch = raw[i];
    if (ch === '"') {
      out.set(path, line);
      str();
    } else if (ch === '{') {
      i++;
      skip();
      if (raw[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skip();
        const k = key();
        skip();
        i++; // ':'
        value(`${path}/${k}`);
        skip();
        if (raw[i++] !== ',') return; // '}'
      }
    } else if (ch === '[') {
      i++;
      skip();
      if (raw[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}/${n}`);
        skip();
        if (raw[i++] !== ',') return; // ']'
      }
    } else {
      while (i < raw.length && !WS.has(raw[i]) && raw[i] !== ',' && raw[i] !== '}' && raw[i] !== ']') i++;
    }
  };
  value('');
  return out;
}

/** The line of each string of `raw` (a JSON text), by its path from the root. */
export function jsonLines(raw: string): JsonLineOf {
  const text = /\n\s*\S/u.test(raw.trim()) ? raw : JSON.stringify(JSON.parse(raw), null, 2);
  const lines = scan(text);
  return (path) => lines.get(path.length ? `/${path.join('/')}` : '');
}
