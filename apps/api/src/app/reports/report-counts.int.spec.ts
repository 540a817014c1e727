import { DeadlineService } from '../deadlines/deadline.service';
import { startTestApp, type TestApp } from '../../testing/test-app';

/**
 * Migration 1765700000000: `report_counts` and `reports.overdue_any` are kept by triggers. After a random
 * sequence of writes — through the API (open, parts, the deadline sweeper) and by direct SQL (states, periods,
 * organisations, deadlines, flags, parts and reports inserted and deleted) — the counts equal a GROUP BY over
 * reports and overdue_any equals the former per-query definition for every report; the API's totals agree.
 */
describe('report_counts and overdue_any (database triggers)', () => {
  let t: TestApp;
  const KEY = 'organisation_id, period_key, template_code, kind, state, overdue_any';
  const OLD_OVERDUE = '(r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue))';
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  let seed = 12;
  const rnd = (n: number): number => {
    // The high bits of the LCG (its low bits have short periods): every kind of write comes up.
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const check = async (step: string): Promise<void> => {
    const counted = await t.ds.query(`SELECT ${KEY}, n::int AS n FROM report_counts WHERE n <> 0 ORDER BY ${KEY}`);
    const direct = await t.ds.query(`SELECT ${KEY}, count(*)::int AS n FROM reports GROUP BY ${KEY} ORDER BY ${KEY}`);
    expect([step, counted]).toEqual([step, direct]);
    const wrong = await t.ds.query(`SELECT r.id FROM reports r WHERE r.overdue_any IS DISTINCT FROM ${OLD_OVERDUE}`);
    expect([step, wrong]).toEqual([step, []]);
    expect([step, (await t.ds.query(`SELECT count(*)::int AS n FROM report_counts WHERE n < 0`))[0].n]).toEqual([step, 0]);
    // The coarser roll-up (migration 1765800000000) agrees too.
    const ROLL = 'organisation_id, state, overdue_any';
    const rolled = await t.ds.query(`SELECT ${ROLL}, n::int AS n FROM report_counts_by_state WHERE n <> 0 ORDER BY ${ROLL}`);
    const rollDirect = await t.ds.query(`SELECT ${ROLL}, count(*)::int AS n FROM reports GROUP BY ${ROLL} ORDER BY ${ROLL}`);
    expect([step, rolled]).toEqual([step, rollDirect]);
  };

  it('starts from a backfill equal to the reports', async () => {
    await check('backfill');
    expect(Number((await t.ds.query('SELECT count(*) AS n FROM report_counts WHERE n > 0'))[0].n)).toBeGreaterThan(0);
  });

  it('stays equal through API writes: open reports, part transitions, the deadline sweeper', async () => {
    const h = await as('vhxh.truong');
    const opened: { id: string; version: number }[] = [];
    for (const [year, index] of [
      [2028, 1],
      [2028, 2],
      [2029, 4],
    ]) {
      const r = await t
        .http()
        .post('/api/reports')
        .set(h)
        .send({ templateCode: 'CCHC_QUY', period: { kind: 'quarter', year, index }, deadline: `${year + 1}-01-20` });
      expect([r.status, r.body.message]).toEqual([201, undefined]);
      opened.push(r.body);
      await check(`open ${year}-Q${index}`);
    }
    for (const r of opened.slice(0, 2)) {
      const res = await t
        .http()
        .post(`/api/reports/${r.id}/events`)
        .set(h)
        .send({ type: 'open_collection', expectedVersion: r.version })
        .expect(200);
      r.version = res.body.version;
      await check(`open_collection ${r.id}`);
    }
    const detail = (
      await t
        .http()
        .get(`/api/reports/${opened[0].id}`)
        .set(await as('hcc.cv'))
        .expect(200)
    ).body;
    const hcc = detail.sections.find((s: { code: string }) => s.code === 'II.2');
    const hh = await as('hcc.cv');
    const s1 = await t
      .http()
      .post(`/api/reports/${opened[0].id}/events`)
      .set(hh)
      .send({ type: 'start_drafting', sectionId: hcc.id, expectedVersion: detail.version })
      .expect(200);
    await t
      .http()
      .post(`/api/reports/${opened[0].id}/events`)
      .set(hh)
      .send({ type: 'submit_section', sectionId: hcc.id, expectedVersion: s1.body.version })
      .expect(200);
    await check('part submitted');
    // The sweeper latches overdue on reports and parts whose deadline passed (the app's only writer of the flags).
    const sent = await t.app.get(DeadlineService).sweep(new Date('2031-01-01T00:00:00Z'));
    expect(sent).toBeGreaterThan(0);
    await check('sweep');
    const flagged = await t.ds.query(
      `SELECT count(*)::int AS n FROM reports r WHERE r.overdue_any AND NOT r.overdue AND r.id = ANY($1::uuid[])`,
      [opened.map((r) => r.id)],
    );
    expect(flagged[0].n + Number((await t.ds.query('SELECT count(*) AS n FROM reports WHERE overdue'))[0].n)).toBeGreaterThan(0);
  });

  it('stays equal through 120 random direct SQL writes', async () => {
    const orgs: string[] = (
      await t.ds.query(`SELECT DISTINCT organisation_id AS id FROM reports UNION SELECT id FROM organisations WHERE parent_id IS NOT NULL`)
    ).map((o: { id: string }) => o.id);
    const states = ['draft', 'collecting', 'compiling', 'submitted', 'acknowledged', 'cancelled'];
    const ids = async (): Promise<string[]> => (await t.ds.query('SELECT id FROM reports ORDER BY id')).map((r: { id: string }) => r.id);
    const own = async (): Promise<string[]> =>
      (await t.ds.query(`SELECT id FROM reports WHERE title LIKE 'counts12 %' ORDER BY id`)).map((r: { id: string }) => r.id);
    const pick = <T>(xs: T[]): T => xs[rnd(xs.length)];
    const done = new Set<string>();
    for (let i = 0; i < 120; i++) {
      const op = rnd(10);
      const all = await ids();
      let what = '';
      if (op === 0 || !all.length) {
        what = 'insert reports';
        await t.ds.query(
          `INSERT INTO reports (organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title, subject, recipients, distribution, state, snapshot, definition_version, policy, deadline, cutoff_from, cutoff_to, overdue, created_by)
           SELECT $1, r.template_code, r.kind, 'quarter', 2030, g % 4 + 1, '2030-Q' || (g % 4 + 1), 'counts12 ' || g, r.subject, r.recipients, r.distribution,
                  $2, '{}', r.definition_version, r.policy, r.deadline, r.cutoff_from, r.cutoff_to, g % 3 = 0, r.created_by
             FROM (SELECT * FROM reports ORDER BY created_at LIMIT 1) r CROSS JOIN generate_series(1, $3::int) g`,
          [pick(orgs), pick(states), 1 + rnd(4)],
        );
      } else if (op === 1) {
        what = 'state';
        await t.ds.query('UPDATE reports SET state = $2 WHERE id = $1', [pick(all), pick(states)]);
      } else if (op === 2) {
        what = 'move (organisation, period)';
        await t.ds.query(`UPDATE reports SET organisation_id = $2, period_key = $3 WHERE id = $1`, [
          pick(all),
          pick(orgs),
          `2031-Q${1 + rnd(4)}`,
        ]);
      } else if (op === 3) {
        what = 'many at once';
        await t.ds.query(
          `UPDATE reports SET state = CASE WHEN state = 'draft' THEN 'collecting' ELSE 'draft' END WHERE id = ANY($1::uuid[])`,
          [all.filter(() => rnd(3) === 0)],
        );
      } else if (op === 4) {
        what = 'report overdue flag';
        await t.ds.query('UPDATE reports SET overdue = NOT overdue WHERE id = $1', [pick(all)]);
      } else if (op === 5) {
        what = 'part overdue flag';
        // Parts of reports not overdue themselves (where the parts decide overdue_any): one part flipped, or
        // every part of one report set to true or false.
        const of = 'JOIN reports r ON r.id = s.report_id WHERE NOT r.overdue';
        const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM sections s ${of}`);
        const one = `(SELECT s.id FROM sections s ${of} ORDER BY s.id OFFSET $1 LIMIT 1)`;
        if (rnd(2)) await t.ds.query(`UPDATE sections SET overdue = NOT overdue WHERE id = ${one}`, [rnd(Math.max(n, 1))]);
        else
          await t.ds.query(`UPDATE sections SET overdue = $2 WHERE report_id = (SELECT report_id FROM sections WHERE id = ${one})`, [
            rnd(Math.max(n, 1)),
            rnd(2) === 0,
          ]);
      } else if (op === 6) {
        what = 'insert an overdue part';
        await t.ds.query(
          `INSERT INTO sections (report_id, organisation_id, code, label, title, level, sort_order, unit_code, state, snapshot, deadline, overdue)
           SELECT r.id, r.organisation_id, 'X' || $2, 'X', 'X', 'section', 99, u.code, 'assigned', '{}', r.deadline, true
             FROM reports r JOIN LATERAL (SELECT code FROM units WHERE organisation_id = r.organisation_id ORDER BY code LIMIT 1) u ON true
            WHERE r.id = $1`,
          [pick(all), i],
        );
      } else if (op === 7) {
        what = 'delete added parts';
        await t.ds.query(`DELETE FROM sections WHERE code LIKE 'X%' AND report_id = $1`, [pick(all)]);
      } else if (op === 8) {
        what = 'deadlines (no effect on the latched flags)';
        await t.ds.query(`UPDATE reports SET deadline = deadline - 400 WHERE id = $1`, [pick(all)]);
        await t.ds.query(`UPDATE sections SET deadline = deadline - 400 WHERE report_id = $1`, [pick(all)]);
      } else {
        const mine = await own();
        what = 'delete reports';
        const gone = mine.filter(() => rnd(2) === 0);
        await t.ds.query(`DELETE FROM sections WHERE report_id = ANY($1::uuid[])`, [gone]);
        await t.ds.query(`DELETE FROM reports WHERE id = ANY($1::uuid[])`, [gone]);
      }
      await check(`${i}: ${what}`);
      done.add(what);
    }
    expect(done.size).toBe(10);
  });

  it('answers the board and list totals from the counts, equal to the former queries', async () => {
    const h = await as('snv.cv');
    const communes = `r.organisation_id IN (SELECT $1::uuid UNION SELECT f.id FROM followed_organisations($1) f)`;
    const [{ id: snv }] = await t.ds.query(`SELECT organisation_id AS id FROM users WHERE username = 'snv.cv'`);
    const count = async (where: string): Promise<number> =>
      Number((await t.ds.query(`SELECT count(*) AS n FROM reports r WHERE ${communes} AND ${where}`, [snv]))[0].n);
    for (const [query, where] of [
      ['', 'true'],
      ['overdue=true', OLD_OVERDUE],
      ['state=draft,collecting', `r.state IN ('draft', 'collecting')`],
      ['period=2030-Q2&overdue=true', `r.period_key = '2030-Q2' AND ${OLD_OVERDUE}`],
    ]) {
      const expected = await count(where);
      const board = (await t.http().get(`/api/province/board?${query}&limit=1`).set(h).expect(200)).body;
      const totals = (await t.http().get(`/api/province/board/totals?${query}`).set(h).expect(200)).body;
      const list = (await t.http().get(`/api/reports?${query}&limit=1`).set(h).expect(200)).body;
      expect([query, board.total, totals.total, list.total]).toEqual([query, expected, expected, expected]);
      expect([query, totals.overdue]).toEqual([query, await count(`${where} AND ${OLD_OVERDUE}`)]);
    }
  });

  it('drops everything in down() and restores it in up()', async () => {
    const at = t.ds.migrations.findIndex((x) => x.name === 'ReportCounts1765700000000');
    expect(at).toBeGreaterThanOrEqual(0);
    // This migration and the ones after it (which build on its table), undone newest first, then redone.
    const later = t.ds.migrations.slice(at);
    const qr = t.ds.createQueryRunner();
    try {
      for (const m of [...later].reverse()) await m.down(qr);
      expect((await qr.query(`SELECT to_regclass('report_counts') AS t`))[0].t).toBeNull();
      expect(
        await qr.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'reports' AND column_name = 'overdue_any'`),
      ).toEqual([]);
      expect(await qr.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE '%overdue_any%' OR tgname LIKE 'report_counts%'`)).toEqual([]);
      for (const m of later) await m.up(qr);
    } finally {
      await qr.release();
    }
    await check('down, up');
  });
});
