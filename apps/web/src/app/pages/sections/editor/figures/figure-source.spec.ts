import { CCHC_QUARTERLY_FIGURES, type SectionContent } from '@trinhky/domain';
import { markupToRuns, runsToMarkup } from '../editor-model';
import { bindingMarkup, figureOptions, parseBinding, withFigureTexts } from './figure-source';

describe('bound figures in the editor text', () => {
  it('round-trips a bound run through the markup, next to emphasis', () => {
    const runs = markupToRuns('Tiếp nhận {{TTHC:4}}, trong đó **đúng hạn** {{TTHC:5.1}}.');
    expect(runs).toEqual([
      { text: 'Tiếp nhận ' },
      { text: '', figure: { group: 'TTHC', code: '4' } },
      { text: ', trong đó ' },
      { text: 'đúng hạn', bold: true },
      { text: ' ' },
      { text: '', figure: { group: 'TTHC', code: '5.1' } },
      { text: '.' },
    ]);
    expect(runsToMarkup(runs)).toBe('Tiếp nhận {{TTHC:4}}, trong đó **đúng hạn** {{TTHC:5.1}}.');
  });

  it('keeps a literal "{{" that names no figure as text, and escapes it in plain runs', () => {
    expect(markupToRuns('a {{ b }} c')).toEqual([{ text: 'a {{ b }} c' }]);
    expect(markupToRuns(runsToMarkup([{ text: 'x {{TTHC:4}} y' }]))).toEqual([{ text: 'x {{TTHC:4}} y' }]);
  });

  it('writes the period of a multi-year figure, and the first period without it', () => {
    expect(bindingMarkup({ group: 'PL1', code: '2', period: 3 })).toBe('{{PL1:2@3}}');
    expect(parseBinding('PL1:2@3')).toEqual({ group: 'PL1', code: '2', period: 3 });
    expect(parseBinding('TTHC:5.1@0')).toEqual({ group: 'TTHC', code: '5.1' });
    expect(parseBinding('not a binding')).toBeNull();
  });

  it('offers every indicator with a value, not the group headings', () => {
    const options = figureOptions(CCHC_QUARTERLY_FIGURES);
    expect(options.find((o) => o.binding.group === 'TTHC' && o.binding.code === '5.1')?.label).toContain('Hồ sơ');
    expect(options.some((o) => o.binding.group === 'CDDH' && o.binding.code === '2')).toBe(false);
  });

  it('fills each bound run with the value its chip shows', () => {
    const content: SectionContent = {
      blocks: [{ type: 'paragraph', runs: [{ text: 'Đã giải quyết ' }, { text: '', figure: { group: 'TTHC', code: '5' } }] }],
    };
    const out = withFigureTexts(content, (b) => (b.code === '5' ? '2.143 hồ sơ' : '?'));
    expect(out.blocks[0]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Đã giải quyết ' }, { text: '2.143 hồ sơ', figure: { group: 'TTHC', code: '5' } }],
    });
    expect(withFigureTexts(out, () => '2.143 hồ sơ')).toBe(out);
  });
});
