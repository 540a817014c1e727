import { partOutline, PART_OUTLINES } from './outlines';
import { CCHC_QUARTERLY } from './templates';

describe('part outlines', () => {
  it('gives every part of the CCHC template the sub-headings it is expected to cover', () => {
    for (const part of CCHC_QUARTERLY.parts) expect(partOutline(CCHC_QUARTERLY.code, part.code).length).toBeGreaterThan(0);
    expect(Object.keys(PART_OUTLINES[CCHC_QUARTERLY.code]).sort()).toEqual(CCHC_QUARTERLY.parts.map((p) => p.code).sort());
  });

  it('names the one-stop-shop results in the administrative-procedures part, and nothing for an unknown template', () => {
    expect(partOutline('CCHC_QUY', 'II.2').join(' ')).toContain('một cửa');
    expect(partOutline('KHAC', 'I')).toEqual([]);
  });
});
