import type { ReportSummary } from '@trinhky/contracts';
import {
  EMPTY_FILTER,
  daysLeftOf,
  filterReports,
  kindOptions,
  organisationOptions,
  periodOptions,
  searchKey,
  totalsByState,
  trackingCsv,
} from './report-filter';

function report(p: Partial<ReportSummary>): ReportSummary {
  return {
    id: p.id ?? 'r1',
    title: 'Báo cáo cải cách hành chính Quý III năm 2025',
    templateCode: 'CCHC_QUY',
    kind: 'CCHC',
    period: { kind: 'quarter', year: 2025, index: 3 },
    periodKey: '2025-Q3',
    periodLabel: 'Quý III năm 2025',
    state: 'collecting',
    version: 1,
    deadline: '2025-09-20',
    cutOff: { from: '2025-06-15', to: '2025-09-14' },
    number: null,
    issuedAt: null,
    holder: 'Phòng Văn hóa - Xã hội, Phòng Kinh tế',
    overdue: false,
    sectionsTotal: 9,
    sectionsAccepted: 2,
    updatedAt: '2025-09-10T01:00:00Z',
    organisation: { id: 'o1', name: 'UBND xã Tân Thành' },
    ...p,
  };
}

const list = [
  report({ id: 'a' }),
  report({ id: 'b', state: 'awaiting_signature', holder: 'Phó Chủ tịch phụ trách', overdue: true, deadline: '2025-09-01' }),
  report({
    id: 'c',
    periodKey: '2025-Q2',
    periodLabel: 'Quý II năm 2025',
    state: 'issued',
    number: '15/BC-UBND',
    holder: 'Văn thư',
    kind: 'KTXH',
    title: 'Báo cáo kinh tế - xã hội',
  }),
];

describe('report list filters', () => {
  it('searches without diacritics and across fields', () => {
    expect(searchKey('  Cải cách  HÀNH chính, Đường ')).toBe('cai cach hanh chinh, duong');
    expect(filterReports(list, { ...EMPTY_FILTER, q: 'cai cach' }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterReports(list, { ...EMPTY_FILTER, q: '15/BC' }).map((r) => r.id)).toEqual(['c']);
    expect(filterReports(list, { ...EMPTY_FILTER, q: 'chờ ký' }).map((r) => r.id)).toEqual(['b']);
  });

  it('filters by period, kind, state, overdue and unit', () => {
    expect(filterReports(list, { ...EMPTY_FILTER, period: '2025-Q2' }).map((r) => r.id)).toEqual(['c']);
    expect(filterReports(list, { ...EMPTY_FILTER, kind: 'CCHC' }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterReports(list, { ...EMPTY_FILTER, state: 'issued' }).map((r) => r.id)).toEqual(['c']);
    expect(filterReports(list, { ...EMPTY_FILTER, overdue: true }).map((r) => r.id)).toEqual(['b']);
    expect(filterReports(list, { ...EMPTY_FILTER, unit: 'KT' }, { KT: 'Phòng Kinh tế' }).map((r) => r.id)).toEqual(['a']);
  });

  it('builds options and totals', () => {
    expect(periodOptions(list)).toEqual([
      { key: '2025-Q3', label: 'Quý III năm 2025' },
      { key: '2025-Q2', label: 'Quý II năm 2025' },
    ]);
    expect(kindOptions(list)).toEqual(['CCHC', 'KTXH']);
    expect(totalsByState(list)).toEqual([
      { state: 'collecting', count: 1 },
      { state: 'awaiting_signature', count: 1 },
      { state: 'issued', count: 1 },
    ]);
  });

  it('counts days left until the report is sent, as the deadline reminders do (an issued report not yet sent still counts)', () => {
    expect(daysLeftOf(list[0], '2025-09-17')).toBe(3);
    expect(daysLeftOf(list[1], '2025-09-03')).toBe(-2);
    expect(daysLeftOf(list[2], '2025-09-03')).toBe(17);
    for (const state of ['submitted', 'acknowledged', 'cancelled'] as const)
      expect(daysLeftOf({ ...list[2], state }, '2025-09-03')).toBeNull();
  });

  it('exports CSV with a BOM, Vietnamese headers and quoted cells', () => {
    const csv = trackingCsv([list[0], report({ id: 'd', title: 'Báo cáo "đặc biệt", quý' })], '2025-09-17');
    expect(csv.startsWith('\uFEFFBáo cáo,Kỳ,Loại,Trạng thái')).toBe(true);
    expect(csv).toContain('Đang thu thập');
    expect(csv).toContain('20/09/2025,3,Không');
    expect(csv).toContain('"Báo cáo ""đặc biệt"", quý"');
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('lets a province user filter and export by commune', () => {
    const anBinh = { id: 'o1', name: 'Ủy ban nhân dân xã An Bình' };
    const anPhu = { id: 'o2', name: 'Ủy ban nhân dân xã An Phú' };
    const mixed = [
      report({ id: 'x', organisation: anPhu }),
      report({ id: 'y', organisation: anBinh }),
      report({ id: 'z', organisation: anPhu }),
    ];
    expect(organisationOptions(mixed)).toEqual([anBinh, anPhu]);
    expect(filterReports(mixed, { ...EMPTY_FILTER, organisation: 'o2' }).map((r) => r.id)).toEqual(['x', 'z']);
    expect(filterReports(mixed, { ...EMPTY_FILTER, q: 'an phu' }).map((r) => r.id)).toEqual(['x', 'z']);
    const csv = trackingCsv(mixed, '2025-09-17');
    expect(csv.startsWith('\uFEFFCơ quan,Báo cáo,Kỳ')).toBe(true);
    expect(csv).toContain('Ủy ban nhân dân xã An Phú,Báo cáo cải cách hành chính');
    // One organisation: no column, unless the caller says the list is another organisation's.
    expect(trackingCsv([mixed[1]], '2025-09-17').startsWith('\uFEFFBáo cáo,')).toBe(true);
    expect(trackingCsv([mixed[1]], '2025-09-17', true).startsWith('\uFEFFCơ quan,Báo cáo,')).toBe(true);
  });
});
