import { LIFECYCLE_USERS, createReport, driveToSigned, send } from '../../testing/lifecycle';
import { lifecycleClient } from '../../testing/http-client';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { registerNumberText } from '@trinhky/workflow';
import { registerNumberTextSql } from './register-sql';

describe('outgoing register (database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('writes the number text in SQL exactly as libs/workflow formats it', async () => {
    const numbers = [1, 2, 9, 10, 11, 99, 100, 115, 999, 1000, 12345];
    const rows: { n: number; text: string }[] = await t.ds.query(
      `SELECT n, ${registerNumberTextSql('n', '$2', '$3')} AS text FROM unnest($1::int[]) AS n ORDER BY n`,
      [numbers, 'BC', 'UBND'],
    );
    expect(rows.map((r) => r.text)).toEqual(numbers.map((n) => registerNumberText(n, 'BC', 'UBND')));
    expect(rows[0].text).toBe('01/BC-UBND');
  });

  it('30 parallel issue requests on 30 signed reports get 30 distinct consecutive numbers', async () => {
    const c = await lifecycleClient(t, LIFECYCLE_USERS);
    const signed: { id: string; version: number }[] = [];
    // Sign 30 reports (8 at a time to keep the test quick on two cores): more issues at once than the pool has connections.
    const pending = Array.from({ length: 30 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = pending.shift(); i !== undefined; i = pending.shift()) {
          const r = await createReport(c, { kind: 'quarter', year: 2026, index: (i % 4) + 1 }, '2026-12-31');
          signed.push({ id: r.id, version: await driveToSigned(c, r.id, r.version) });
        }
      }),
    );
    const results = await Promise.allSettled(signed.map((r) => send(c, 'vanthu', r.id, r.version, 'issue')));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows: { number: number; number_text: string; year: number }[] = await t.ds.query(
      'SELECT number, number_text, year FROM register_entries ORDER BY number',
    );
    expect(rows).toHaveLength(30);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows[6].number_text).toBe('07/BC-UBND');
    const numbers: { number_text: string }[] = await t.ds.query('SELECT number_text FROM reports WHERE number IS NOT NULL');
    expect(new Set(numbers.map((n) => n.number_text)).size).toBe(30);
  }, 300_000); // 30 reports driven to signed (each signature renders its preview) before the 30 parallel issues

  it('makes a duplicate number impossible in the database itself', async () => {
    const [row] = await t.ds.query('SELECT * FROM register_entries WHERE number = 1');
    await expect(
      t.ds.query(
        `INSERT INTO register_entries (organisation_id, year, register_code, number, number_text, issued_on, doc_type, subject, signer_name, recipients, archive_unit, report_id)
         VALUES ($1, $2, 'BC', 1, '01/BC-UBND', now(), 'BC', 'x', 'x', 'x', 'x', $3)`,
        [row.organisation_id, row.year, row.report_id],
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'register_number_unique' });
  });

  it('pages the register: total counts every match, page 2 differs, filters apply to total; bad paging is a 400', async () => {
    const h = { Authorization: `Bearer ${await t.login('vanthu')}` };
    const before = (await t.ds.query('SELECT count(*)::int AS n FROM register_entries'))[0].n;
    const p1 = (await t.http().get('/api/register?limit=20').set(h).expect(200)).body;
    const p2 = (await t.http().get('/api/register?limit=20&offset=20').set(h).expect(200)).body;
    const p3 = (await t.http().get('/api/register?limit=20&offset=40').set(h).expect(200)).body;
    expect(p1).toMatchObject({ total: 30, limit: 20, offset: 0 });
    expect(p1.items).toHaveLength(20);
    expect(p2.items).toHaveLength(10);
    expect(p3).toMatchObject({ items: [], total: 30 }); // past the end: no rows, the same total
    const ids = [...p1.items, ...p2.items, ...p3.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(30);
    expect(p1.items[0].numberText).toBe('30/BC-UBND');
    expect(p2.items[0].numberText).toBe('10/BC-UBND');
    // A filter narrows the total too (every matching row, not only the page).
    const q = (await t.http().get('/api/register?q=5/BC&limit=1').set(h).expect(200)).body;
    expect(q.items).toHaveLength(1);
    expect(q.total).toBe(3); // 05/, 15/ and 25/BC-UBND
    for (const bad of ['limit=0', 'offset=-1', 'limit=201', 'limit=abc']) {
      const res = await t.http().get(`/api/register?${bad}`).set(h).expect(400);
      expect(res.body.message).toMatch(/trang|vị trí bắt đầu/);
    }
    expect((await t.ds.query('SELECT count(*)::int AS n FROM register_entries'))[0].n).toBe(before);
  });

  it('lists the register and exports it as CSV with ND 30 columns', async () => {
    const h = { Authorization: `Bearer ${await t.login('vanthu')}` };
    const page = (await t.http().get('/api/register').set(h).expect(200)).body;
    expect(page).toMatchObject({ total: 30, limit: 50, offset: 0 });
    const list = page.items;
    expect(list).toHaveLength(30);
    expect(list[0]).toMatchObject({ numberText: '30/BC-UBND', type: 'BC', signer: 'Nguyễn Thị Hồng' });
    const csv = await t.http().get('/api/register.csv').set(h).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"Số, ký hiệu văn bản",Ngày tháng văn bản,Tên loại và trích yếu nội dung,Người ký,Nơi nhận văn bản,"Đơn vị, người nhận bản lưu",Số lượng bản,Ngày chuyển,Ghi chú',
    );
    expect(lines).toHaveLength(31);
  });
});
