import JSZip from 'jszip';
import { LIFECYCLE_USERS, createReport, send, type Client } from '../../testing/lifecycle';
import { lifecycleClient } from '../../testing/http-client';
import { pdfText } from '../../testing/pdf-text';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { NotificationsService } from '../notifications/notifications.service';

/**
 * Issue 11 §4, across parts: part I (VHXH) writes a paragraph bound to an indicator of part II.2
 * (HCC, group TTHC). Part I is accepted first; II.2's figure changes afterwards. Part I's stored
 * revision keeps the text of its save (revisions are immutable, the text is not hashed), but every
 * view of the report — the editor's content, the DOCX and the issued PDF — shows the current value.
 */
describe('a figure bound across parts shows its current value (database, pdf.js)', () => {
  let t: TestApp;
  let c: Client;
  let report: { id: string; version: number };
  let v: number;
  let sections: { id: string; code: string; unit: { code: string } }[];
  const DRAFTER: Record<string, string> = { VP: 'vp.cv', KT: 'kt.cv', VHXH: 'vhxh.cv', HCC: 'hcc.cv' };
  const part = (code: string) => sections.find((s) => s.code === code) as { id: string; code: string; unit: { code: string } };
  const auth = (u: string) => ({ Authorization: `Bearer ${c.tokens[u]}` });
  const tthc = (resolvedOnTime: string, late: string) => ({
    values: { '4': ['2.182'], '4.1': ['1.000'], '4.2': ['1.182'], '5': ['2.143'], '5.1': [resolvedOnTime], '5.2': [late], '6': ['39'] },
  });
  const paragraph = {
    blocks: [
      {
        type: 'paragraph',
        runs: [
          { text: 'Phần I nêu: giải quyết đúng hạn ' },
          { text: 'chưa có', figure: { group: 'TTHC', code: '5.1' } },
          { text: ', đạt ' },
          { text: '?', figure: { group: 'TTHC', code: '5.3' } },
          { text: '.' },
        ],
      },
    ],
  };
  const get = async (path: string, user = 'vhxh.truong') => (await t.http().get(path).set(auth(user)).expect(200)).body;
  const saveAs = async (user: string, code: string, body: object) => {
    const url = `/api/reports/${report.id}/sections/${part(code).id}`;
    const base = (await get(url, user)).currentRevisionId;
    return (
      await t
        .http()
        .put(`${url}/content`)
        .set(auth(user))
        .send({ baseRevisionId: base, ...body })
        .expect(200)
    ).body as { revisionId: string };
  };
  const bytes = async (path: string) =>
    (
      await t
        .http()
        .get(path)
        .set(auth('vhxh.truong'))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  const runTexts = (content: { blocks: { runs?: { text: string; figure?: unknown }[] }[] }) =>
    content.blocks.flatMap((b) => (b.runs ?? []).filter((r) => r.figure).map((r) => r.text));
  const storedRevision = async (id: string) =>
    (await t.ds.query('SELECT content, content_hash FROM section_revisions WHERE id = $1', [id]))[0] as {
      content: { blocks: { runs?: { text: string; figure?: unknown }[] }[] };
      content_hash: string;
    };
  let partOneRevision: { revisionId: string };

  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
    c = await lifecycleClient(t, LIFECYCLE_USERS);
    report = await createReport(c, { kind: 'quarter', year: 2027, index: 1 }, '2027-03-20');
    sections = (await get(`/api/reports/${report.id}`)).sections;
    v = await send(c, 'vhxh.truong', report.id, report.version, 'open_collection');
  });
  afterAll(() => t.close());

  it('stores part I with the value of II.2 at its save, and accepts part I', async () => {
    v = await send(c, 'hcc.cv', report.id, v, 'start_drafting', { sectionId: part('II.2').id });
    await saveAs('hcc.cv', 'II.2', { content: { blocks: [] }, figures: tthc('2.139', '4') });
    v = await send(c, 'vhxh.cv', report.id, v, 'start_drafting', { sectionId: part('I').id });
    partOneRevision = await saveAs('vhxh.cv', 'I', { content: paragraph });
    expect(runTexts((await storedRevision(partOneRevision.revisionId)).content)).toEqual(['2.139 hồ sơ', '99,81 %']);
    v = await send(c, 'vhxh.cv', report.id, v, 'submit_section', { sectionId: part('I').id });
    v = await send(c, 'vhxh.truong', report.id, v, 'accept_section', { sectionId: part('I').id });
  });

  it('after II.2 changes its figure, the editor, the DOCX and the PDF of the draft show the new value in part I', async () => {
    const before = await storedRevision(partOneRevision.revisionId);
    await saveAs('hcc.cv', 'II.2', { content: { blocks: [] }, figures: tthc('2.100', '43') });
    v = await send(c, 'hcc.cv', report.id, v, 'submit_section', { sectionId: part('II.2').id });
    v = await send(c, 'vhxh.truong', report.id, v, 'accept_section', { sectionId: part('II.2').id });

    // Part I's revision is untouched: same stored text, same hash (the text is a cache, not hashed).
    const after = await storedRevision(partOneRevision.revisionId);
    expect(after).toEqual(before);
    expect(runTexts(after.content)).toEqual(['2.139 hồ sơ', '99,81 %']);

    // The editor (GET section, also for the reviewer) reads the current value; the revision id is the same.
    for (const user of ['vhxh.cv', 'vhxh.truong']) {
      const shown = await get(`/api/reports/${report.id}/sections/${part('I').id}`, user);
      expect(shown.currentRevisionId).toBe(partOneRevision.revisionId);
      expect(runTexts(shown.content)).toEqual(['2.100 hồ sơ', '97,99 %']);
    }
    // The history shows the revision as it was saved.
    const history = await get(`/api/reports/${report.id}/sections/${part('I').id}/revisions/${partOneRevision.revisionId}`);
    expect(runTexts(history.content)).toEqual(['2.139 hồ sơ', '99,81 %']);

    const zip = await JSZip.loadAsync(await bytes(`/api/reports/${report.id}/document.docx`));
    const docx = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '').normalize('NFC');
    expect(docx).toContain('Phần I nêu: giải quyết đúng hạn 2.100 hồ sơ, đạt 97,99 %.');
    expect(docx).not.toContain('2.139 hồ sơ');
    const draft = (await pdfText(await bytes(`/api/reports/${report.id}/pdf`))).join('\n');
    expect(draft).toMatch(/Phần I nêu: giải quyết đúng hạn 2\.100 hồ sơ, đạt 97,99 %\./);
  });

  it('the issued PDF shows the new value in part I, equal to the annex', async () => {
    for (const s of sections.filter((x) => x.code !== 'I' && x.code !== 'II.2')) {
      const d = DRAFTER[s.unit.code];
      v = await send(c, d, report.id, v, 'start_drafting', { sectionId: s.id });
      v = await send(c, d, report.id, v, 'submit_section', { sectionId: s.id });
      v = await send(c, 'vhxh.truong', report.id, v, 'accept_section', { sectionId: s.id });
    }
    v = await send(c, 'vhxh.truong', report.id, v, 'start_compiling');
    v = await send(c, 'vhxh.truong', report.id, v, 'send_for_signature');
    v = await send(c, 'pct.vhxh', report.id, v, 'sign');
    v = await send(c, 'vanthu', report.id, v, 'issue');
    await t.app.get(NotificationsService).flush();
    const issued = await get(`/api/reports/${report.id}`);
    expect(issued.state).toBe('issued');
    const res = await t.http().get(`/api/reports/${report.id}/pdf`).set(auth('vhxh.truong')).expect(200);
    expect(res.headers['x-frozen']).toBe('true');
    const text = (await pdfText(await bytes(`/api/reports/${report.id}/pdf`))).join('\n');
    expect(text).toContain(issued.number);
    expect(text).toMatch(/Phần I nêu: giải quyết đúng hạn 2\.100 hồ sơ, đạt 97,99 %\./);
    expect(text).not.toMatch(/2\.139 hồ sơ/);
    // The annex row of the same indicator shows the same value.
    expect(text).toMatch(/Hồ sơ giải quyết trước hạn và đúng hạn Hồ sơ 2\.100/);

    // The audit chain still verifies: every value the PDF shows is in a hashed, audited revision (II.2's).
    const verify = await get(`/api/reports/${report.id}/audit/verify`, 'vanthu');
    expect(verify.ok).toBe(true);
  });
});
