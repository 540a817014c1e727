import { CCHC_QUARTERLY_FIGURES } from './catalogue-cchc-quarterly';
import { CCHC_REVIEW_FIGURES } from './catalogue-review';
import { figureText, figuresByGroupOf, NOT_REPORTED, resolveBinding } from './figure-text';

const Q = CCHC_QUARTERLY_FIGURES;
const tthc = { values: { '4': ['2.182'], '5': ['2.143'], '5.1': ['2.139'], '5.2': ['4'], '5.3': ['12'], '6': [null] } };
const byGroup = figuresByGroupOf(Q, { 'II.2': tthc, I: { values: { '4': ['1'], '6': ['1.500'] } } });

describe('figureText', () => {
  it('formats a count with its unit word, lower-cased in running text', () => {
    expect(figureText(Q, byGroup, { group: 'TTHC', code: '5.1' })).toBe('2.139 hồ sơ');
  });
  it('computes a rate from its part and total, never the typed value', () => {
    expect(figureText(Q, byGroup, { group: 'TTHC', code: '5.3' })).toBe('99,81 %');
  });
  it('shows money with its unit and a coded answer by its label', () => {
    expect(figureText(Q, byGroup, { group: 'CDDH', code: '6' })).toBe('1.500 triệu đồng');
    expect(figureText(Q, byGroup, { group: 'CDDH', code: '4' })).toBe('Có tổ chức');
  });
  it('shows a blank as not reported', () => {
    expect(figureText(Q, byGroup, { group: 'TTHC', code: '6' })).toBe(NOT_REPORTED);
  });
  it('refuses unknown and ambiguous codes with a reason', () => {
    expect(resolveBinding(Q, { group: 'TTHC', code: '99' })).toEqual({ ok: false, reason: expect.stringContaining('"99"') });
    expect(resolveBinding(Q, { code: '1' })).toEqual({ ok: false, reason: expect.stringContaining('nhiều bảng') });
    expect(resolveBinding(Q, { code: '9.1' })).toMatchObject({ ok: true, group: { code: 'TTHC' } });
    expect(resolveBinding(Q, { group: 'TTHC', code: '4', period: 1 })).toMatchObject({ ok: false });
    expect(figureText(Q, byGroup, { group: 'TTHC', code: '99' })).toBe('[99?]');
  });
  it('reads the period of a multi-year catalogue', () => {
    const R = CCHC_REVIEW_FIGURES;
    const pl1 = { values: { '2.1': ['10', '12', '14', '16', '4'], '2.2': ['10', '11', '14', '16', '1'] } };
    const g = figuresByGroupOf(R, { I: pl1 });
    expect(figureText(R, g, { group: 'PL1', code: '2', period: 1 })).toBe('91,67 %');
    expect(figureText(R, g, { group: 'PL1', code: '2.2', period: 4 })).toBe('1 nhiệm vụ');
  });
});
