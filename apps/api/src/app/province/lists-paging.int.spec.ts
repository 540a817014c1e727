import { startTestApp, type TestApp } from '../../testing/test-app';

/**
 * Issue 12, point 4: report requests (`GET /api/requests`) and pending deliveries (`GET /api/deliveries/pending`)
 * with more rows than one page — total counts every match, pages are disjoint, filters narrow the total,
 * bad paging is a 400 in Vietnamese that changes nothing.
 */
describe('paged lists: report requests and pending deliveries (database)', () => {
  let t: TestApp;
  const AN_BINH = 'Ủy ban nhân dân xã An Bình';
  const TAN_PHU = 'Ủy ban nhân dân xã Tân Phú';
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const orgId = async (name: string) =>
    ((await t.ds.query('SELECT id FROM organisations WHERE name = $1', [name])) as { id: string }[])[0].id;
  const count = async (sql: string) => ((await t.ds.query(sql)) as { n: number }[])[0].n;
  const get = async (u: string, url: string, status = 200) =>
    (
      await t
        .http()
        .get(url)
        .set(await as(u))
        .expect(status)
    ).body;
  const BAD = [
    ['limit=0', 'mỗi trang ít nhất 1 dòng'],
    ['offset=-1', 'vị trí bắt đầu không âm'],
    ['limit=201', 'mỗi trang tối đa 200 dòng'],
    ['limit=abc', 'số dòng mỗi trang phải là số'],
  ];

  beforeAll(async () => {
    t = await startTestApp();
  }, 300_000);
  afterAll(() => t.close());

  it('pages report requests: total, disjoint pages in order, the issued filter and the scope narrow the total; 400s change nothing', async () => {
    const [anBinh, tanPhu] = [await orgId(AN_BINH), await orgId(TAN_PHU)];
    const base = {
      sở: (await get('snv.cv', '/api/requests?limit=1')).total as number,
      anBinh: (await get('vanthu', '/api/requests?limit=1')).total as number,
      tanPhu: (await get('tanphu.vanthu', '/api/requests?limit=1')).total as number,
    };
    // Seven requests issued on seven days: four to both communes, three to Tân Phú only.
    for (let d = 1; d <= 7; d++)
      await t
        .http()
        .post('/api/requests')
        .set(await as('snv.cv'))
        .send({
          numberText: `${4000 + d}/SNV-CCHC`,
          issuedOn: `2099-01-0${d}`,
          subject: `về việc báo cáo số ${d}`,
          templateCode: 'CCHC_QUY',
          period: { kind: 'quarter', year: 2099, index: 1 },
          deadline: '2099-06-20',
          organisationIds: d <= 4 ? [anBinh, tanPhu] : [tanPhu],
        })
        .expect(201);
    const pages = [];
    for (const offset of [0, 3, 6]) pages.push(await get('snv.cv', `/api/requests?issued=true&limit=3&offset=${offset}`));
    expect(pages.map((p) => p.total)).toEqual([base.sở + 7, base.sở + 7, base.sở + 7]);
    expect(pages.map((p) => [p.limit, p.offset])).toEqual([
      [3, 0],
      [3, 3],
      [3, 6],
    ]);
    expect(pages[0].items).toHaveLength(3);
    expect(pages[1].items).toHaveLength(3);
    expect(pages[2].items).toHaveLength(Math.min(3, base.sở + 1));
    // Newest issue date first: page 1 is 7, 6, 5; page 2 is 4, 3, 2 — not the same rows.
    const numbers = (p: { items: { numberText: string }[] }) => p.items.map((r) => r.numberText);
    expect(numbers(pages[0])).toEqual(['4007/SNV-CCHC', '4006/SNV-CCHC', '4005/SNV-CCHC']);
    expect(numbers(pages[1])).toEqual(['4004/SNV-CCHC', '4003/SNV-CCHC', '4002/SNV-CCHC']);
    const ids = pages.flatMap((p) => p.items.map((r: { id: string }) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    // Past the end: no rows, the same total.
    expect(await get('snv.cv', `/api/requests?limit=3&offset=${base.sở + 7}`)).toMatchObject({ items: [], total: base.sở + 7 });
    // The filter narrows: the Sở is addressed by none of them.
    expect((await get('snv.cv', '/api/requests?issued=false&limit=3')).total).toBe(0);
    // Each commune counts what is addressed to it, and sees only its own target line.
    const ab = await get('vanthu', '/api/requests?limit=2&offset=2');
    expect(ab).toMatchObject({ total: base.anBinh + 4, limit: 2, offset: 2 });
    expect(ab.items.map((r: { numberText: string }) => r.numberText)).toEqual(['4002/SNV-CCHC', '4001/SNV-CCHC']);
    expect(ab.items[0].targets).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ name: AN_BINH }) })]);
    expect((await get('tanphu.vanthu', '/api/requests?issued=false&limit=2')).total).toBe(base.tanPhu + 7);
    expect((await get('tanphu.vanthu', '/api/requests?issued=true&limit=2')).total).toBe(0);

    const before = await count('SELECT count(*)::int AS n FROM report_requests');
    for (const [bad, reason] of [...BAD, ['issued=yes', 'issued phải là true hoặc false']])
      expect((await get('snv.cv', `/api/requests?${bad}`, 400)).message).toContain(reason);
    expect(await count('SELECT count(*)::int AS n FROM report_requests')).toBe(before);
  });

  it('pages pending deliveries: total, disjoint pages oldest first, the failing filter and the organisation narrow it; 400s change nothing', async () => {
    const anBinh = await orgId(AN_BINH);
    // Seven of An Bình's reports, opened through the API (one per year's first quarter).
    const reports: { id: string; revision: number }[] = [];
    for (let y = 2091; y <= 2097; y++) {
      const r = (
        await t
          .http()
          .post('/api/reports')
          .set(await as('vhxh.truong'))
          .send({ templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: y, index: 1 }, deadline: `${y}-04-20` })
          .expect(201)
      ).body;
      reports.push({ id: r.id, revision: r.revision });
    }
    // Seven undelivered dispatches a minute apart (held back: next attempt far ahead, so the drain leaves them);
    // the three oldest failed their last attempt.
    for (const [i, r] of reports.entries())
      await t.ds.query(
        `INSERT INTO outbox (organisation_id, topic, payload, created_at, attempts, last_error, next_attempt_at)
         VALUES ($1, 'incoming.deliver', $2, now() - ($3 || ' minutes')::interval, $4, $5, '2999-01-01')`,
        [
          anBinh,
          { reportId: r.id, revision: r.revision },
          String(60 - i),
          i < 3 ? 3 : 0,
          i < 3 ? 'Sở Nội vụ đang tạm ngừng nhận; sẽ gửi lại.' : null,
        ],
      );
    const pages = [];
    for (const offset of [0, 3, 6]) pages.push(await get('vanthu', `/api/deliveries/pending?limit=3&offset=${offset}`));
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages[1].offset).toBe(3);
    const order = pages.flatMap((p) => p.items.map((d: { reportId: string }) => d.reportId));
    expect(order).toEqual(reports.map((r) => r.id)); // oldest first, every one exactly once
    expect(pages[0].items[0]).toMatchObject({ attempts: 3, lastError: expect.stringContaining('tạm ngừng nhận') });
    expect(pages[1].items[0]).toMatchObject({ attempts: 0, lastError: null, nextAttemptAt: '2999-01-01T00:00:00.000Z' });
    // The failing filter narrows the total (and its complement is the rest).
    const failing = await get('vanthu', '/api/deliveries/pending?failing=true&limit=2');
    expect(failing).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(failing.items.map((d: { reportId: string }) => d.reportId)).toEqual(reports.slice(0, 2).map((r) => r.id));
    expect((await get('vanthu', '/api/deliveries/pending?failing=false')).total).toBe(4);
    // The admin sees the same list; another commune none of it.
    expect((await get('admin', '/api/deliveries/pending?limit=1')).total).toBe(7);
    expect(await get('tanphu.admin', '/api/deliveries/pending')).toEqual({ items: [], total: 0, limit: 50, offset: 0 });

    const outbox = 'SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL';
    const before = await count(outbox);
    for (const [bad, reason] of [...BAD, ['failing=1', 'failing phải là true hoặc false']])
      expect((await get('vanthu', `/api/deliveries/pending?${bad}`, 400)).message).toContain(reason);
    expect(await count(outbox)).toBe(before);
  });
});
