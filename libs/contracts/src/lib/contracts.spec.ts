import { isCalendarDate } from '@trinhky/domain';
import {
  OPERATIONS,
  createReportRequest,
  eventRequest,
  isoDate,
  openApiDocument,
  parseInput,
  problemText,
  sectionContent,
  text,
} from '../index';

describe('primitives', () => {
  it('accepts only real calendar days', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2199-02-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isoDate.safeParse('2199-02-31').success).toBe(false);
    expect(isoDate.safeParse('2026-03-20').success).toBe(true);
  });

  it('refuses NUL and lone surrogates and normalises to NFC', () => {
    const t = text(100);
    expect(t.safeParse('a\u0000b').success).toBe(false);
    expect(t.safeParse('a\uD800b').success).toBe(false);
    expect(t.safeParse('a\uDC00').success).toBe(false);
    expect(t.parse('😀 đủ')).toBe('😀 đủ');
    const nfd = 'Hà Nội'.normalize('NFD');
    expect(t.parse(nfd)).toBe('Hà Nội'.normalize('NFC'));
    expect(t.safeParse('x'.repeat(101)).success).toBe(false);
  });
});

describe('section content', () => {
  const para = (s: string) => ({ type: 'paragraph', runs: [{ text: s }] });
  it('accepts the document model and refuses unknown keys', () => {
    expect(
      sectionContent.safeParse({ blocks: [para('a'), { type: 'heading', level: 'item', label: '1.', runs: [], children: [para('b')] }] })
        .success,
    ).toBe(true);
    const r = parseInput(sectionContent, { blocks: [{ type: 'paragraph', runs: [{ text: 'a', colour: 'red' }] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toEqual({ field: 'blocks[0].runs[0].colour', message: 'trường không được hỗ trợ: colour' });
  });

  // Moved from libs/domain's hand-written validator (deleted): the contract schema is the one check of section content.
  const paraOf = (r: Record<string, unknown>) => ({ blocks: [{ type: 'paragraph', runs: [r] }] });
  const problem = (v: unknown) => {
    const r = parseInput(sectionContent, v);
    return r.ok ? null : r.problem;
  };

  it('says what is wrong in Vietnamese, with the path', () => {
    expect(problem({ blocks: [{ type: 'paragraph', runs: [{ text: 'ok', bold: true }] }] })).toBeNull();
    expect(problem({ blocks: [{ type: 'html', html: '<b>x</b>' }] })).toEqual({
      field: 'blocks[0].type',
      message: 'loại khối phải là paragraph, bullet, heading hoặc table',
    });
    expect(problem({ blocks: [{ type: 'paragraph', runs: [{ text: 1 }] }] })).toEqual({
      field: 'blocks[0].runs[0].text',
      message: 'phải là chữ',
    });
    expect(problem('x')).toEqual({ field: '', message: 'phải là đối tượng JSON' });
    expect(problem({ blocks: [{ type: 'bullet', marker: '*', runs: [] }] })).toEqual({
      field: 'blocks[0].marker',
      message: 'phải là một trong: -, +',
    });
  });

  it('refuses unknown keys at every level, with their path; a key whose value is undefined is absent', () => {
    expect(problem(paraOf({ text: 'x', color: 'red' }))?.field).toBe('blocks[0].runs[0].color');
    expect(problem({ blocks: [], extra: 1 })?.field).toBe('extra');
    expect(problem({ blocks: [{ type: 'paragraph', runs: [], onclick: 'x' }] })?.field).toBe('blocks[0].onclick');
    expect(problem({ blocks: [{ type: 'table', header: [[{ text: 'a', style: 'x' }]], rows: [] }] })?.field).toBe(
      'blocks[0].header[0][0].style',
    );
    // The importer writes `bold: undefined`.
    expect(problem(paraOf({ text: 'x', bold: undefined }))).toBeNull();
  });

  it('refuses NUL and lone surrogates in text, footnotes, labels and cells, and bad table attributes', () => {
    expect(problem(paraOf({ text: 'a\u0000' }))).toEqual({
      field: 'blocks[0].runs[0].text',
      message: 'chứa ký tự không hợp lệ (NUL hoặc ký tự Unicode lẻ)',
    });
    expect(problem(paraOf({ text: 'a', footnote: '\uD800' }))?.field).toBe('blocks[0].runs[0].footnote');
    expect(problem({ blocks: [{ type: 'heading', level: 'part', label: '\uDC00', runs: [], children: [] }] })?.field).toBe(
      'blocks[0].label',
    );
    expect(problem({ blocks: [{ type: 'table', header: [[{ text: '\u0000' }]], rows: [] }] })?.field).toBe('blocks[0].header[0][0].text');
    const table = sectionContent.safeParse({
      blocks: [{ type: 'table', header: [[{ text: 'a', colSpan: 0 }]], rows: [], widths: [-1], fontSize: 400 }],
    });
    expect(table.success ? [] : table.error.issues.map((i) => i.path.join('.'))).toEqual([
      'blocks.0.header.0.0.colSpan',
      'blocks.0.widths.0',
      'blocks.0.fontSize',
    ]);
  });

  it('refuses headings nested deeper than eight levels, and a 3 000-deep value, without overflowing the stack', () => {
    const nest = (n: number): unknown =>
      n === 0 ? para('x') : { type: 'heading', level: 'point', label: '', runs: [], children: [nest(n - 1)] };
    expect(sectionContent.safeParse({ blocks: [nest(8)] }).success).toBe(true);
    expect(sectionContent.safeParse({ blocks: [nest(9)] }).success).toBe(false);
    let deep: unknown = { text: 'x' };
    for (let i = 0; i < 3000; i++) deep = { text: 'x', nested: deep };
    expect(sectionContent.safeParse({ blocks: [{ type: 'paragraph', runs: [deep] }] }).success).toBe(false);
  });
});

describe('requests', () => {
  it('names the field and the reason in Vietnamese', () => {
    const r = parseInput(createReportRequest, {
      templateCode: 'CCHC_QUY',
      period: { kind: 'quarter', year: 2026, index: 1 },
      deadline: '2199-02-31',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemText(r.problem)).toBe('Trường deadline: hạn nộp báo cáo phải là ngày hợp lệ (yyyy-mm-dd).');
    const missing = parseInput(eventRequest, { type: 'sign' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problem).toEqual({ field: 'expectedVersion', message: 'thiếu trường bắt buộc' });
    const unknownEvent = parseInput(eventRequest, { type: 'fly', expectedVersion: 1 });
    expect(!unknownEvent.ok && unknownEvent.problem.message).toBe('không phải thao tác quy trình nào');
  });

  it('keeps what it accepts, normalised', () => {
    const r = parseInput(eventRequest, {
      type: 'return_section',
      sectionId: '6f1c1c56-2f43-4c1e-9a59-8f1f0e1c2d3a',
      comment: 'Bổ sung số liệu'.normalize('NFD'),
      expectedVersion: 3,
    });
    expect(r).toEqual({
      ok: true,
      value: { type: 'return_section', sectionId: '6f1c1c56-2f43-4c1e-9a59-8f1f0e1c2d3a', comment: 'Bổ sung số liệu', expectedVersion: 3 },
    });
  });
});

describe('operations and the OpenAPI document', () => {
  const doc = openApiDocument(OPERATIONS, { title: 'Trình Ký API', version: 'test' }) as {
    paths: Record<
      string,
      Record<
        string,
        { operationId: string; parameters: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }
      >
    >;
  };

  it('describes every operation once, with its path parameters, body and answers', () => {
    const seen = new Set<string>();
    for (const [id, op] of Object.entries(OPERATIONS)) {
      const key = `${op.method} ${op.path}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const d = doc.paths[op.path][op.method];
      expect(d.operationId).toBe(id);
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(
        d.parameters
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort(),
      ).toEqual(inPath);
      expect(!!d.requestBody).toBe('body' in op || 'textBody' in op);
      expect(Object.keys(d.responses)).toContain(String(op.status));
      if (!('public' in op)) expect(Object.keys(d.responses)).toContain('401');
    }
    expect(seen.size).toBeGreaterThanOrEqual(30);
  });

  it('is plain JSON with real schemas for bodies', () => {
    const json = JSON.parse(JSON.stringify(doc)) as typeof doc;
    const body = json.paths['/reports']['post'].requestBody as {
      content: {
        'application/json': { schema: { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean } };
      };
    };
    const schema = body.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['templateCode', 'period', 'deadline', 'sectionDeadlines', 'assignees']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['period', 'deadline']));
    expect(schema.additionalProperties).toBe(false);
  });
});
