/**
 * The inbox narrowed in SQL (`inboxScope` → `scopeSql`) gives exactly what the full computation gives
 * (every open report of the organisation through `allowedEvents`), for every user of the demo province,
 * at every step of a walk that drives the demo reports through the real API by the users' own tasks; and the
 * answers the service keeps between requests (InboxMemo) agree with deciding everything again, parts marked
 * overdue by the sweeper (no transition) included.
 */
import { FINAL_REPORT_STATES, allowedEvents } from '@trinhky/workflow';
import { In, Not } from 'typeorm';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { ReportEntity, SectionEntity } from '../database/entities';
import { receiverOf } from '../exchange/receiver';
import { PeopleService } from '../organisation/people.service';
import { toRecord } from '../reports/report-views';
import { inboxEntries, itemOf, withTitles } from './inbox-entries';
import { InboxService } from './inbox.service';

interface User {
  id: string;
  username: string;
  organisation_id: string;
}

describe('inbox narrowed in SQL = full computation (database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The inbox before the narrowing: every open report, every part, `allowedEvents` on each. */
  async function full(u: User): Promise<string[]> {
    const { actor } = await t.app.get(PeopleService).activeActor(u.id, u.organisation_id);
    const reports = await t.ds
      .getRepository(ReportEntity)
      .find({ where: { organisationId: u.organisation_id, state: Not(In([...FINAL_REPORT_STATES])) } });
    const out: string[] = [];
    for (const r of reports) {
      const own = await t.ds.getRepository(SectionEntity).find({ where: { reportId: r.id }, order: { sortOrder: 'ASC' } });
      const record = toRecord(r, own);
      let events = allowedEvents(record, actor, new Date()).filter((e) => e.type !== 'cancel');
      if (events.some((e) => e.type === 'acknowledge')) {
        record.receiver = await receiverOf((q, v) => t.ds.query(q, v), r.id);
        events = allowedEvents(record, actor, new Date()).filter((e) => e.type !== 'cancel');
      }
      out.push(...events.map((e) => `${r.id} ${e.sectionId ?? '-'} ${e.type}`));
    }
    return out.sort();
  }

  async function narrowed(u: User) {
    const items = await t.app.get(InboxService).items({ userId: u.id, organisationId: u.organisation_id });
    // The answers kept between requests (InboxMemo) give what deciding everything again gives.
    const { actor } = await t.app.get(PeopleService).activeActor(u.id, u.organisation_id);
    expect(items).toEqual((await withTitles(t.ds, await inboxEntries(t.ds, u.organisation_id, actor))).map(itemOf));
    return { items, keys: items.flatMap((i) => i.events.map((e) => `${i.reportId} ${e.sectionId ?? '-'} ${e.type}`)).sort() };
  }

  it('agrees for every user at every step of a walk through the lifecycle', async () => {
    const users: User[] = await t.ds.query(`SELECT id, username, organisation_id FROM users WHERE active ORDER BY username`);
    expect(users.length).toBeGreaterThan(10);
    const tokens = new Map<string, string>();
    let seed = 12;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let accepted = 0;
    let compared = 0;
    for (let step = 0; step < 40; step++) {
      const tasks: { u: User; reportId: string; sectionId?: string; type: string; version: number }[] = [];
      for (const u of users) {
        const n = await narrowed(u);
        expect(n.keys).toEqual(await full(u));
        compared += n.keys.length;
        // The page builds only its own items; it is the slice of every item, and its counts are over all of them.
        const principal = { userId: u.id, organisationId: u.organisation_id };
        const page = await t.app.get(InboxService).page(principal, { limit: 3, offset: 1 });
        expect(page.items).toEqual(n.items.slice(1, 4));
        expect([page.total, page.overdue]).toEqual([n.items.length, n.items.filter((i) => i.overdue).length]);
        const late = await t.app.get(InboxService).page(principal, { overdue: 'true', limit: 50, offset: 0 });
        expect(late.items).toEqual(n.items.filter((i) => i.overdue).slice(0, 50));
        expect(late.total).toBe(page.overdue);
        for (const i of n.items)
          for (const e of i.events) tasks.push({ u, reportId: i.reportId, sectionId: e.sectionId, type: e.type, version: i.version });
      }
      if (!tasks.length) break;
      // Now and then the sweeper marks a listed part overdue (no transition, no new version): counted at once.
      const part = tasks.find((x) => x.sectionId && step % 5 === 2);
      if (part) await t.ds.query('UPDATE sections SET overdue = true WHERE id = $1', [part.sectionId]);
      const task = tasks[random(tasks.length)];
      if (!tokens.has(task.u.username)) tokens.set(task.u.username, await t.login(task.u.username));
      const res = await t
        .http()
        .post(`/api/reports/${task.reportId}/events`)
        .set({ Authorization: `Bearer ${tokens.get(task.u.username)}` })
        .send({
          type: task.type,
          ...(task.sectionId ? { sectionId: task.sectionId } : {}),
          expectedVersion: task.version,
          comment: 'Ý kiến kiểm thử',
        });
      expect(res.status).toBeLessThan(500);
      if (res.status < 300) accepted++;
    }
    // The walk moved the reports and the comparison was over real items.
    expect(accepted).toBeGreaterThan(10);
    expect(compared).toBeGreaterThan(40);
  });
});
