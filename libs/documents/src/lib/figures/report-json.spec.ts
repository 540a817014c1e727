import * as fs from 'node:fs';
import { seedFile } from '../../testing/seeds';
import { importPlainText } from '../import/import-text';
import { checkReportJson, checkReportText } from './check-report';
import { jsonLines } from './json-lines';

/** A figure as a report writes it: 2151 or 2.151, 99.16 as 99,16. */
const forms = (v: number | string | null): string[] => {
  if (typeof v !== 'number') return [String(v)];
  const plain = String(v).replace('.', ',');
  return [plain, plain.replace(/\B(?=(\d{3})+(?!\d))/gu, '.')];
};

describe('report.json: checked with its footnotes and annex notes, on the lines of the file', () => {
  const text = fs.readFileSync(seedFile('003'), 'utf8');
  const result = importPlainText(text);
  const pretty = JSON.stringify(result, null, 2);
  const lines = pretty.split('\n');

  it('finds what the text finds (footnotes included), each on the line of the string holding its figure', () => {
    const fromText = checkReportText(text).findings;
    const fromJson = checkReportJson(pretty).findings;
    const key = (f: { rule: string; message: string }) => `${f.rule}|${f.message.replace(/\(dòng \d+\)/u, '')}`;
    expect(fromJson.map(key).sort()).toEqual(fromText.map(key).sort());
    for (const f of fromJson) {
      for (const fig of f.figures) {
        const line = fig.line;
        if (line === undefined) continue;
        expect(forms(fig.value).some((x) => lines[line - 1].includes(x))).toBe(true);
      }
    }
  });

  it('a minified file counts its lines as written with two-space indentation', () => {
    const min = checkReportJson(JSON.stringify(result)).findings;
    expect(min).toEqual(checkReportJson(pretty).findings);
  });

  it('a bare ReportDocument reads the same, its lines its own; footnotes and annex paragraphs are read', () => {
    const doc = {
      ...result.document,
      body: [
        {
          type: 'paragraph',
          runs: [
            {
              text: 'Kết quả giải quyết hồ sơ',
              footnote: 'Tổng số hồ sơ tiếp nhận: 100 hồ sơ; đã giải quyết: 90 hồ sơ; đang giải quyết: 5 hồ sơ.',
            },
          ],
        },
      ],
      annexes: [{ title: 'GHI CHÚ', blocks: [{ type: 'paragraph', runs: [{ text: 'Có 45/50 hồ sơ trực tuyến, đạt 80%.' }] }] }],
    };
    const raw = JSON.stringify(doc, null, 2);
    const f = checkReportJson(raw).findings;
    expect(f.map((x) => x.rule).sort()).toEqual(['flow', 'rate']);
    const at = jsonLines(raw);
    expect(f.find((x) => x.rule === 'flow')?.line).toBe(at(['body', 0, 'runs', 0, 'footnote']));
    expect(f.find((x) => x.rule === 'rate')?.line).toBe(at(['annexes', 0, 'blocks', 0, 'runs', 0, 'text']));
  });
});
