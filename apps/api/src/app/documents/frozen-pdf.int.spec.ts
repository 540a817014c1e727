import { DRAFTER_OF, createReport, driveToSigned, send, type Client } from '../../testing/lifecycle';
import { lifecycleClient } from '../../testing/http-client';
import { pdfText } from '../../testing/pdf-text';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { NotificationsService } from '../notifications/notifications.service';

/** Issue 10, item 5: a revoked signature's frozen PDF is never served for the re-signed report. */
describe('frozen PDF after revoke → edit → re-sign (database)', () => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
    c = await lifecycleClient(t, ['vhxh.truong', 'vhxh.cv', 'vp.cv', 'kt.cv', 'hcc.cv', 'pct.vhxh']);
  });
  afterAll(() => t.close());

  const auth = (user: string) => ({ Authorization: `Bearer ${c.tokens[user]}` });
  const pdf = async (id: string) => {
    const res = await t
      .http()
      .get(`/api/reports/${id}/pdf`)
      .set(auth('vhxh.truong'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (x: Buffer) => chunks.push(x));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return {
      text: (await pdfText(res.body as Buffer)).join(' '),
      frozen: res.headers['x-frozen'],
      sha: res.headers['x-content-sha256'] as string,
    };
  };

  it('serves the re-signed version, with the edited text, once frozen', async () => {
    const r = await createReport(c, { kind: 'quarter', year: 2028, index: 1 }, '2028-03-20');
    let v = await driveToSigned(c, r.id, r.version);
    await t.app.get(NotificationsService).flush();
    const first = await pdf(r.id);
    expect(first.frozen).toBe('true');
    const edited = 'Số liệu giải ngân đã sửa sau khi thu hồi chữ ký: 2.139 triệu đồng';
    expect(first.text).not.toContain(edited);

    v = await send(c, 'pct.vhxh', r.id, v, 'revoke_signature', { comment: 'Sửa số liệu mục II.5 trước khi ban hành.' });
    v = await send(c, 'vhxh.truong', r.id, v, 'resume_compiling');
    const section = (await t.http().get(`/api/reports/${r.id}`).set(auth('vhxh.truong')).expect(200)).body.sections.find(
      (s: { code: string }) => s.code === 'II.5',
    );
    v = await send(c, 'vhxh.truong', r.id, v, 'return_section', { sectionId: section.id, comment: 'Sửa số liệu giải ngân.' });
    const drafter = DRAFTER_OF[section.unit.code];
    v = await send(c, drafter, r.id, v, 'start_drafting', { sectionId: section.id });
    const current = (await t.http().get(`/api/reports/${r.id}/sections/${section.id}`).set(auth(drafter)).expect(200)).body;
    await t
      .http()
      .put(`/api/reports/${r.id}/sections/${section.id}/content`)
      .set(auth(drafter))
      .send({ baseRevisionId: current.currentRevisionId ?? null, content: { blocks: [{ type: 'paragraph', runs: [{ text: edited }] }] } })
      .expect(200);
    v = await send(c, drafter, r.id, v, 'submit_section', { sectionId: section.id });
    v = await send(c, 'vhxh.truong', r.id, v, 'accept_section', { sectionId: section.id });
    v = await send(c, 'vhxh.truong', r.id, v, 'start_compiling');
    v = await send(c, 'vhxh.truong', r.id, v, 'send_for_signature');
    await send(c, 'pct.vhxh', r.id, v, 'sign');

    // Before the outbox is delivered: a fresh render of the re-signed report, never the first frozen PDF.
    const pending = await pdf(r.id);
    expect(pending.text).toContain(edited);
    await t.app.get(NotificationsService).flush();
    const resigned = await pdf(r.id);
    expect(resigned.frozen).toBe('true');
    expect(resigned.text).toContain(edited);
    expect(resigned.sha).not.toBe(first.sha);
    // Both signed versions are kept (the first one is evidence of what was signed then).
    const kept = await t.ds.query(`SELECT count(*)::int AS n FROM rendered_pdfs WHERE report_id = $1 AND kind = 'signed'`, [r.id]);
    expect(kept[0].n).toBe(2);
  });
});
