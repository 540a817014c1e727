import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReportDetail } from '@trinhky/contracts';
import { SectionsTableComponent } from './sections-table.component';

const section = (id: string, code: string, unit: string) => ({
  id,
  code,
  label: `${code}.`,
  title: `Phần ${code}`,
  unit: { code: unit, name: unit === 'KT' ? 'Phòng Kinh tế' : 'Phòng Văn hóa - Xã hội' },
  assignee: null,
  state: 'assigned' as const,
  deadline: '2025-09-15',
  overdue: false,
  currentRevisionId: null,
});

describe('SectionsTableComponent', () => {
  it('shows only the buttons the API allows, on the right rows, and emits them', async () => {
    await TestBed.configureTestingModule({ imports: [SectionsTableComponent], providers: [provideRouter([])] }).compileComponents();
    const fixture = TestBed.createComponent(SectionsTableComponent);
    const report = {
      id: 'r1',
      sections: [section('s1', 'I', 'VHXH'), section('s2', 'II.5', 'KT')],
      allowedEvents: [
        { type: 'start_drafting', sectionId: 's2', commentRequired: false, label: 'Bắt đầu soạn' },
        { type: 'cancel', commentRequired: true, label: 'Hủy báo cáo' },
      ],
    } as unknown as ReportDetail;
    fixture.componentRef.setInput('report', report);
    const emitted: string[] = [];
    fixture.componentInstance.action.subscribe((e) => emitted.push(`${e.type}:${e.sectionId}`));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = el.querySelectorAll('tr[data-testid="section-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelectorAll('button')).toHaveLength(0);
    const button = rows[1].querySelector<HTMLButtonElement>('button[data-event="start_drafting"]');
    expect(button?.textContent?.trim()).toBe('Bắt đầu soạn');
    expect(rows[1].textContent).toContain('Phòng Kinh tế');
    expect(rows[1].textContent).toContain('15/09/2025');
    button?.click();
    expect(emitted).toEqual(['start_drafting:s2']);
  });
});
