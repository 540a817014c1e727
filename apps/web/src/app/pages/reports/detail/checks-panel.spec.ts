import type { ResponseOf } from '@trinhky/contracts';
import { groupChecks } from './checks-panel.component';

type Check = ResponseOf<'reportChecks'>[number];
const check = (sectionId: string, part: string, key: string, severity: 'error' | 'warning' = 'error'): Check => ({
  sectionId,
  part,
  partTitle: `${part} Phần ${part}`,
  key,
  severity,
  rule: 'sum',
  message: `Phát hiện ${key}`,
  codes: ['1'],
  figures: [],
  explanation: null,
  link: '',
});

describe('checks panel', () => {
  it('groups the findings by part, in the order the API lists them, keeping each part’s order', () => {
    const groups = groupChecks([check('s2', 'II.2', 'a'), check('s1', 'II.1', 'b'), check('s2', 'II.2', 'c', 'warning')]);
    expect(groups.map((g) => [g.part, g.checks.map((c) => c.key)])).toEqual([
      ['II.2', ['a', 'c']],
      ['II.1', ['b']],
    ]);
    expect(groups[0].title).toBe('II.2 Phần II.2');
  });

  it('has no group when the report has no finding', () => {
    expect(groupChecks([])).toEqual([]);
  });
});
