import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { lifecycleClient } from '../../testing/http-client';
import { LIFECYCLE_USERS, driveToSigned, type Client } from '../../testing/lifecycle';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { APP_CONFIG } from '../common/tokens';
import type { AppConfig } from '../config';
import { DeadlineService } from '../deadlines/deadline.service';
import { auditEntryHash } from './audit-hash';

interface Row {
  id: string;
  seq: number;
  [k: string]: unknown;
}

/**
 * An attacker with SQL access (a superuser: triggers disabled where the attack needs it) against
 * the audit trail. Each tamper case runs on its own report, once without and once after a later
 * anchor (the sweeper's), and must be detected, naming the broken entry, by the report's verify
 * endpoint, the organisation's and the CLI.
 */
describe('audit trail against an attacker with SQL access (database)', () => {
  let t: TestApp;
  let c: Client;
  let h: Record<string, string>;
  let year = 2040;
  const sweeper = () => t.app.get(DeadlineService);
  // Through supertest (a fresh connection each): the CLI runs block this process for seconds, which
  // outlasts the server's keep-alive and would reset the lifecycle client's pooled sockets.
  const send = async (
    _c: Client,
    user: string,
    id: string,
    version: number,
    type: string,
    extra: Record<string, unknown> = {},
  ): Promise<number> =>
    (
      await t
        .http()
        .post(`/api/reports/${id}/events`)
        .set({ Authorization: `Bearer ${c.tokens[user]}` })
        .send({ type, expectedVersion: version, ...extra })
        .expect(200)
    ).body.version;
  const createReport = async (_c: Client, period: Record<string, unknown>, deadline: string): Promise<{ id: string; version: number }> =>
    (await t.http().post('/api/reports').set(h).send({ templateCode: 'CCHC_QUY', period, deadline }).expect(201)).body;

  beforeAll(async () => {
    t = await startTestApp();
    // The Sở answers outside Trình Ký here (edXML), so the commune's văn thư records its refusal.
    await t.ds.query('UPDATE organisations SET edxml_only = true WHERE id IN (SELECT parent_id FROM organisations)');
    c = await lifecycleClient(t, LIFECYCLE_USERS);
    h = { Authorization: `Bearer ${c.tokens['vhxh.truong']}` };
  });
  afterAll(() => t.close());

  /** A report with a few transitions, anchored clean. */
  async function freshReport(): Promise<{ id: string; rows: Row[] }> {
    const r = await createReport(c, { kind: 'quarter', year: year++, index: 1 }, `${year + 1}-01-20`);
    const detail = (await t.http().get(`/api/reports/${r.id}`).set(h).expect(200)).body;
    let v = await send(c, 'vhxh.truong', r.id, r.version, 'open_collection');
    const s = detail.sections.find((x: { unit: { code: string } }) => x.unit.code === 'VHXH');
    v = await send(c, 'vhxh.cv', r.id, v, 'start_drafting', { sectionId: s.id });
    await send(c, 'vhxh.cv', r.id, v, 'submit_section', { sectionId: s.id });
    await sweeper().anchorChanged();
    return { id: r.id, rows: await rowsOf(r.id) };
  }
  const rowsOf = async (reportId: string): Promise<Row[]> =>
    t.ds.query('SELECT * FROM audit_entries WHERE report_id = $1 ORDER BY seq', [reportId]);
  const asSuperuser = async (table: string, sql: string, params: unknown[]): Promise<void> => {
    await t.ds.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await t.ds.query(sql, params);
    } finally {
      await t.ds.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  };
  const fields = (r: Row) => ({
    reportId: r['report_id'] as string,
    seq: r.seq,
    at: r['at'] as Date,
    actorId: r['actor_id'] as string | null,
    actorName: r['actor_name'] as string,
    actorPosition: r['actor_position'] as string,
    event: r['event'] as string,
    fromState: r['from_state'] as string | null,
    toState: r['to_state'] as string | null,
    sectionId: r['section_id'] as string | null,
    comment: r['comment'] as string | null,
    summary: r['summary'] as string,
    contentHash: r['content_hash'] as string | null,
    prevHash: r['prev_hash'] as string,
  });

  /** All three verifiers name `entryId` for `reportId`. */
  async function expectDetected(reportId: string, entryId: string): Promise<void> {
    const one = (await t.http().get(`/api/reports/${reportId}/audit/verify`).set(h).expect(200)).body;
    expect(one).toMatchObject({ ok: false, firstBrokenEntryId: entryId, reason: expect.any(String) });
    const org = (await t.http().get('/api/audit/verify').set(h).expect(200)).body;
    expect(org.ok).toBe(false);
    expect(org.problems).toContainEqual(expect.objectContaining({ reportId, firstBrokenEntryId: entryId }));
    const cli = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', resolve(__dirname, '../../../../../tools/audit-verify.ts'), '--report', reportId],
      {
        env: { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: t.app.get<AppConfig>(APP_CONFIG).dataDir },
        encoding: 'utf8',
      },
    );
    expect(cli.stdout).toContain(`hỏng từ bản ghi ${entryId}`);
    expect(cli.status).toBe(1);
  }

  /** Each attack returns the entry verification must name. */
  const attacks: Record<string, (id: string, rows: Row[]) => Promise<string>> = {
    'an entry edited (UPDATE)': async (id, rows) => {
      await asSuperuser('audit_entries', `UPDATE audit_entries SET comment = 'sửa trực tiếp' WHERE id = $1`, [rows[2].id]);
      return rows[2].id;
    },
    'an entry deleted (DELETE)': async (id, rows) => {
      await asSuperuser('audit_entries', `DELETE FROM audit_entries WHERE id = $1`, [rows[1].id]);
      return rows[2].id;
    },
    'a forged entry appended with a correct (public, unkeyed) hash': async (id, rows) => {
      const last = rows[rows.length - 1];
      const forged = {
        ...fields(last),
        seq: last.seq + 1,
        at: new Date(),
        event: 'sign',
        fromState: 'awaiting_signature',
        toState: 'signed',
        sectionId: null,
        comment: null,
        summary: 'Ký ban hành',
        prevHash: last['hash'] as string,
      };
      const hash = auditEntryHash(forged);
      // A plain INSERT: the append-only trigger never stopped those.
      await t.ds.query(
        `INSERT INTO audit_entries (organisation_id, report_id, seq, at, actor_id, actor_name, actor_position, event, from_state, to_state, section_id, comment, summary, content_hash, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          last['organisation_id'],
          id,
          forged.seq,
          forged.at,
          forged.actorId,
          forged.actorName,
          forged.actorPosition,
          forged.event,
          forged.fromState,
          forged.toState,
          null,
          null,
          forged.summary,
          forged.contentHash,
          forged.prevHash,
          hash,
        ],
      );
      const [{ id: forgedId }] = await t.ds.query('SELECT id FROM audit_entries WHERE report_id = $1 AND seq = $2', [id, forged.seq]);
      return forgedId;
    },
    'the newest entries truncated': async (id, rows) => {
      await asSuperuser('audit_entries', `DELETE FROM audit_entries WHERE report_id = $1 AND seq >= $2`, [id, rows.length - 1]);
      return rows[rows.length - 3].id;
    },
    // Chain and report agree again (only the anchor's head remembers the entry): the report's own
    // verification must read its head from the organisation's newest anchor.
    'the newest entry truncated and the report rolled back to match': async (id, rows) => {
      const last = rows[rows.length - 1];
      await asSuperuser('audit_entries', `DELETE FROM audit_entries WHERE id = $1`, [last.id]);
      await t.ds.query(`UPDATE reports SET version = version - 1, state = coalesce($2, state) WHERE id = $1`, [
        id,
        last['section_id'] === null ? last['from_state'] : null,
      ]);
      return rows[rows.length - 2].id;
    },
    'the history rewritten and rehashed from the second entry on': async (id, rows) => {
      let prev = rows[0]['hash'] as string;
      for (const r of rows.slice(1)) {
        const f = { ...fields(r), prevHash: prev, comment: r.seq === 2 ? 'viết lại' : (r['comment'] as string | null) };
        prev = auditEntryHash(f);
        await asSuperuser('audit_entries', `UPDATE audit_entries SET comment = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [
          r.id,
          f.comment,
          f.prevHash,
          prev,
        ]);
      }
      return rows[1].id;
    },
  };

  for (const [name, attack] of Object.entries(attacks)) {
    for (const anchoredAfter of [false, true]) {
      it(`detects ${name}${anchoredAfter ? ', after the next anchor (which refuses to seal it)' : ''}`, async () => {
        const { id, rows } = await freshReport();
        expect((await t.http().get(`/api/reports/${id}/audit/verify`).set(h).expect(200)).body).toEqual({ ok: true, entries: rows.length });
        const named = await attack(id, rows);
        if (anchoredAfter) {
          const headBefore = (
            await t.ds.query(
              `SELECT heads FROM audit_anchors a JOIN reports r ON r.organisation_id = a.organisation_id WHERE r.id = $1 ORDER BY a.seq DESC LIMIT 1`,
              [id],
            )
          )[0].heads.find((x: { reportId: string }) => x.reportId === id);
          // Something else changes, so the sweeper anchors the organisation again.
          await freshReport();
          const [anchor] = await t.ds.query(
            `SELECT a.heads, a.unsealed FROM audit_anchors a JOIN reports r ON r.organisation_id = a.organisation_id WHERE r.id = $1 ORDER BY a.seq DESC LIMIT 1`,
            [id],
          );
          const [now] = await t.ds.query('SELECT seq, hash FROM audit_entries WHERE report_id = $1 ORDER BY seq DESC LIMIT 1', [id]);
          // A changed head is refused (listed as unsealed); either way the last verified head stays sealed.
          if (now.seq !== headBefore.seq || now.hash !== headBefore.hash)
            expect(anchor.unsealed).toContainEqual(expect.objectContaining({ reportId: id }));
          expect(anchor.heads.find((x: { reportId: string }) => x.reportId === id)).toEqual(headBefore);
        }
        await expectDetected(id, named);
      });
    }
  }

  it('verifies a clean lifecycle, a refusal (new revision) and a section returned while compiling included', async () => {
    const r = await createReport(c, { kind: 'quarter', year: 2039, index: 2 }, '2039-07-20');
    let v = await driveToSigned(c, r.id, r.version);
    v = await send(c, 'vanthu', r.id, v, 'issue');
    v = await send(c, 'vanthu', r.id, v, 'dispatch');
    v = await send(c, 'vanthu', r.id, v, 'refuse', { comment: 'Thiếu số liệu' });
    const s = (await t.http().get(`/api/reports/${r.id}`).set(h).expect(200)).body.sections[0];
    v = await send(c, 'vhxh.truong', r.id, v, 'return_section', { sectionId: s.id, comment: 'Bổ sung' });
    const detail = (await t.http().get(`/api/reports/${r.id}`).set(h).expect(200)).body;
    expect(detail).toMatchObject({ state: 'collecting', version: v, revision: 2 });
    await sweeper().anchorChanged();
    expect((await t.http().get(`/api/reports/${r.id}/audit/verify`).set(h).expect(200)).body).toEqual({ ok: true, entries: v });
  });

  it("detects a commune's anchor chain cut back, through the witness on the superior's side", async () => {
    await freshReport();
    const [org] = await t.ds.query(`SELECT o.id FROM organisations o WHERE o.name = 'Ủy ban nhân dân xã An Bình'`);
    const [{ max }] = await t.ds.query('SELECT max(seq) AS max FROM audit_anchors WHERE organisation_id = $1', [org.id]);
    expect((await t.ds.query('SELECT 1 FROM audit_witnesses WHERE organisation_id = $1 AND anchor_seq = $2', [org.id, max])).length).toBe(
      1,
    );
    // The newest anchor deleted: the remaining chain of anchors is intact and correctly keyed...
    await asSuperuser('audit_anchors', 'DELETE FROM audit_anchors WHERE organisation_id = $1 AND seq = $2', [org.id, max]);
    const res = (await t.http().get('/api/audit/verify').set(h).expect(200)).body;
    // ...but the superior holds a witness of it.
    expect(res.problems).toContainEqual(
      expect.objectContaining({ anchorSeq: max, reason: expect.stringMatching(/bản chứng của cơ quan cấp trên/) }),
    );
    const cli = spawnSync(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, '../../../../../tools/audit-verify.ts')], {
      env: { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: t.app.get<AppConfig>(APP_CONFIG).dataDir },
      encoding: 'utf8',
    });
    expect(cli.stdout).toMatch(new RegExp(`mốc neo số ${max}: .*bản chứng`));
    expect(cli.status).toBe(1);
  });
});
