import { TestBed } from '@angular/core/testing';
import {
  CCHC_QUARTERLY_FIGURES,
  CCHC_REVIEW_FIGURES,
  findingKey,
  groupForPart,
  type IndicatorGroup,
  type PartFigures,
} from '@trinhky/domain';
import { FiguresFormComponent } from './figures-form.component';
import { figuresState, normaliseFigures } from './figures-model';

const cat = CCHC_QUARTERLY_FIGURES;

async function render(group: IndicatorGroup, typed: PartFigures, readonly = false, catalogue = cat) {
  await TestBed.configureTestingModule({ imports: [FiguresFormComponent] }).compileComponents();
  const fixture = TestBed.createComponent(FiguresFormComponent);
  const emitted: PartFigures[] = [];
  fixture.componentInstance.changed.subscribe((f) => emitted.push(f));
  const set = async (t: PartFigures): Promise<void> => {
    fixture.componentRef.setInput('typed', t);
    fixture.componentRef.setInput('state', figuresState(catalogue, group.part, group, t));
    await fixture.whenStable();
  };
  fixture.componentRef.setInput('catalogue', catalogue);
  fixture.componentRef.setInput('group', group);
  fixture.componentRef.setInput('readonly', readonly);
  await set(typed);
  return { el: fixture.nativeElement as HTMLElement, emitted, set };
}

function withValues(group: IndicatorGroup, values: Record<string, string>): PartFigures {
  const f = normaliseFigures(group, 1, null);
  for (const [k, v] of Object.entries(values)) f.values[k] = [v];
  return f;
}

describe('FiguresFormComponent', () => {
  const tthc = groupForPart(cat, 'II.2') as IndicatorGroup;

  it('shows the finding under the row it starts from and outlines the cells it ties; typing emits the value', async () => {
    const { el, emitted, set } = await render(
      tthc,
      withValues(tthc, { '4': '2.182', '5': '2.143', '5.1': '2.139', '5.2': '4', '6': '26' }),
    );
    const finding = el.querySelector('[data-testid="figure-finding"]');
    expect(finding?.getAttribute('data-rule')).toBe('flow');
    expect(finding?.textContent).toContain('khác tổng tiếp nhận 2.182 (lệch 13)');
    // The finding row follows the row of "4" (received).
    expect(finding?.closest('tr')?.previousElementSibling?.getAttribute('data-figure-row')).toBe('4');
    const tied = Array.from(el.querySelectorAll('td.tied [data-figure]')).map((x) => x.getAttribute('data-figure'));
    expect(tied.sort()).toEqual(['4', '5', '6']);
    expect(el.querySelector('output[data-figure="5.3"]')?.textContent).toContain('99,81 %');

    const input = el.querySelector<HTMLInputElement>('input[data-figure="4"]') as HTMLInputElement;
    input.value = '2169';
    input.dispatchEvent(new Event('input'));
    expect(emitted.at(-1)?.values['4']).toEqual(['2169']);
    await set(emitted.at(-1) as PartFigures);
    input.dispatchEvent(new Event('blur'));
    expect(emitted.at(-1)?.values['4']).toEqual(['2.169']);
    await set(emitted.at(-1) as PartFigures);
    expect(el.querySelector('[data-testid="figure-finding"]')).toBeNull();
    expect(el.querySelector('[data-testid="figures-summary"]')?.textContent).toContain('không có phát hiện nào');
  });

  it('offers coded answers by their labels', async () => {
    const cddh = groupForPart(cat, 'I') as IndicatorGroup;
    const { el } = await render(cddh, withValues(cddh, { '4': '1' }));
    const select = el.querySelector<HTMLSelectElement>('select[data-figure="4"]') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual(['— chưa báo cáo —', 'Không tổ chức', 'Có tổ chức']);
    expect(select.selectedOptions[0].textContent?.trim()).toBe('Có tổ chức');
  });

  it('shows a warning with its explanation to the reviewer (read-only)', async () => {
    const tc = groupForPart(cat, 'II.1') as IndicatorGroup;
    const warnGroup: IndicatorGroup = { ...tc, rules: [{ type: 'sum', total: '1', parts: ['1.1', '1.2'], mode: 'exact', warnOnly: true }] };
    const base = withValues(warnGroup, { '1': '3', '1.1': '1', '1.2': '1' });
    const key = findingKey(figuresState(cat, 'II.1', warnGroup, base).findings[0]);
    const { el } = await render(warnGroup, { ...base, explanations: { [key]: 'Một văn bản liên tịch.' } }, true);
    expect(el.querySelector('[data-testid="figure-finding"]')?.getAttribute('data-severity')).toBe('warning');
    expect(el.querySelector('[data-testid="finding-explanation"]')?.textContent).toContain('Một văn bản liên tịch.');
    expect(el.querySelector('input')).toBeNull();
    expect(el.querySelector('[data-figure="1"]')?.textContent).toBe('3');
  });

  it('gives the multi-year review one column per year, each input named with its year', async () => {
    const R = CCHC_REVIEW_FIGURES;
    const g = R.groups[0];
    const { el } = await render(g, normaliseFigures(g, R.periods.length, null), false, R);
    const heads = Array.from(el.querySelectorAll('thead th')).map((th) => th.textContent?.trim());
    expect(heads.slice(3)).toEqual(R.periods.map((p) => p.label));
    const code = g.indicators.find((i) => i.kind.type === 'count')?.code ?? '';
    const second = el.querySelector(`[data-figure="${code}"][data-period="1"]`);
    expect(second?.getAttribute('aria-label')).toContain(R.periods[1].label);
  });
});
