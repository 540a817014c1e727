import { isCalendarDate, jsonNestingExceeds, normaliseInput, textProblem } from './input-text';

describe('calendar dates', () => {
  it('accepts real dates, leap days included, and refuses the impossible ones', () => {
    expect(isCalendarDate('2026-12-31')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2199-02-31')).toBe(false);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-01-00')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00')).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });
});

describe('input normalisation', () => {
  it('finds NUL and lone surrogates, and leaves paired surrogates (emoji) alone', () => {
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('\uD800')).toBe('surrogate');
    expect(textProblem('x\uDC00')).toBe('surrogate');
    expect(textProblem('\uDC00\uD800')).toBe('surrogate');
    expect(textProblem('Báo cáo 📄 quý')).toBeNull();
  });

  it('NFC-normalises every string and key in place', () => {
    const nfd = 'Phòng Văn hóa - Xã hội'.normalize('NFD');
    const holder = { value: { [nfd]: [nfd, { x: nfd }], n: 1 } as unknown };
    expect(normaliseInput(holder, 'nội dung')).toBeNull();
    const nfc = nfd.normalize('NFC');
    expect(holder.value).toEqual({ [nfc]: [nfc, { x: nfc }], n: 1 });
    const s = { value: nfd as unknown };
    expect(normaliseInput(s, 'nội dung')).toBeNull();
    expect(s.value).toBe(nfc);
  });

  it('names the path of the first bad value in the message', () => {
    const body = { content: { blocks: [{}, {}, {}, { runs: [{ text: 'a\u0000' }] }] } };
    expect(normaliseInput({ value: body }, 'nội dung')).toEqual({
      path: 'content.blocks[3].runs[0].text',
      message: 'Trường content.blocks[3].runs[0].text chứa ký tự không hợp lệ (ký tự NUL).',
    });
    expect(normaliseInput({ value: { 'tên lạ': '\uD800' } }, 'nội dung')?.path).toBe('["tên lạ"]');
    expect(normaliseInput({ value: 'x\uDFFF' }, 'nội dung văn bản')?.message).toMatch(
      /^Trường nội dung văn bản chứa ký tự không hợp lệ \(ký tự Unicode lỗi/,
    );
  });

  it('bounds depth without recursion (100 000 deep does not overflow the stack), nodes and string length', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = { a: [v] };
    expect(normaliseInput({ value: v }, 'nội dung')?.message).toMatch(/lồng nhau quá sâu \(tối đa 48 cấp\)/);
    expect(normaliseInput({ value: new Array(300_000).fill(0) }, 'nội dung')?.message).toMatch(/quá nhiều phần tử/);
    expect(
      normaliseInput({ value: { t: 'x'.repeat(11) } }, 'nội dung', { maxDepth: 4, maxNodes: 10, maxString: 10, maxKey: 5 })?.message,
    ).toBe('Trường t dài quá giới hạn.');
  });

  it('tells a deeply nested JSON text without parsing it, ignoring brackets inside strings', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(jsonNestingExceeds(enc('['.repeat(49) + ']'.repeat(49)), 48)).toBe(true);
    expect(jsonNestingExceeds(enc('['.repeat(48) + ']'.repeat(48)), 48)).toBe(false);
    expect(jsonNestingExceeds(enc(JSON.stringify({ s: '[[[[[[\\"[[[[' })), 3)).toBe(false);
  });
});
