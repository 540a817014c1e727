import { defaultForm, plannedRows, toCreateRequest, validateCreateForm, type CreateForm } from './create-report-form';

describe('create report form', () => {
  const base = (): CreateForm => ({ ...defaultForm('2025-08-10'), deadline: '2025-09-20' });

  it('proposes the current quarter and a deadline after the cut-off', () => {
    const f = defaultForm('2025-08-10');
    expect(f).toMatchObject({ kind: 'quarter', year: 2025, index: 3, templateCode: 'CCHC_QUY' });
    expect(f.deadline > '2025-09-14').toBe(true);
    expect(validateCreateForm(f)).toEqual([]);
  });

  it('plans the template sections with default deadlines before the report deadline', () => {
    const rows = plannedRows(base());
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.find((r) => r.code === 'II.5')?.unit).toBe('Phòng Kinh tế');
    for (const r of rows) expect(r.defaultDeadline <= '2025-09-20').toBe(true);
  });

  it('shows the unit the organisation gives each part (a Sở’s own), the template’s where it says nothing', () => {
    const assignment = {
      templateCode: 'CCHC_QUY',
      compilingUnit: { code: 'CCHC', name: 'Phòng Cải cách hành chính – Văn thư lưu trữ' },
      parts: [{ code: 'II.5', unit: { code: 'VP', name: 'Văn phòng Sở' } }],
      problems: [],
    };
    const rows = plannedRows(base(), assignment);
    expect(rows.find((r) => r.code === 'II.5')?.unit).toBe('Văn phòng Sở');
    expect(rows.find((r) => r.code === 'II.2')?.unit).toBe('Trung tâm Phục vụ hành chính công');
  });

  it('refuses a deadline before the data cut-off and section deadlines after the report deadline', () => {
    expect(validateCreateForm({ ...base(), deadline: '2025-09-10' })).toEqual(['Hạn nộp phải sau ngày chốt số liệu (14/09/2025).']);
    expect(validateCreateForm({ ...base(), sectionDeadlines: { I: '2025-09-25' } })).toEqual([
      'Hạn của phần I phải trước hạn nộp báo cáo.',
    ]);
    expect(validateCreateForm({ ...base(), index: 5 })).toEqual(['Quý phải từ 1 đến 4.']);
    expect(validateCreateForm({ ...base(), deadline: '' })).toEqual(['Hạn nộp báo cáo phải là một ngày hợp lệ.']);
  });

  it('sends the period, trimmed basis and every section deadline', () => {
    const req = toCreateRequest({
      ...base(),
      kind: 'year',
      basis: '  Thực hiện Văn bản số 1620/SNV-CCHC  ',
      sectionDeadlines: { I: '2025-09-15' },
    });
    expect(req.period).toEqual({ kind: 'year', year: 2025 });
    expect(req.basis).toBe('Thực hiện Văn bản số 1620/SNV-CCHC');
    expect(req.sectionDeadlines?.['I']).toBe('2025-09-15');
    expect(Object.keys(req.sectionDeadlines ?? {}).length).toBe(plannedRows(base()).length);
  });
});
