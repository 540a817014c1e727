import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestApp, type TestApp } from '../../testing/test-app';

const seed = (name: string) => readFileSync(join(resolve(__dirname, '../../../../../..'), 'shared', 'seeds', name), 'utf8');

describe('importing an existing report (database)', () => {
  let t: TestApp;
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
  });
  afterAll(() => t.close());

  it('previews seed 000: the template parts it found and what it could not place', async () => {
    const res = await t.http().post('/api/imports/preview').set(await as('vhxh.truong')).send({ text: seed('000_ccb5cca196e6a642.txt') }).expect(200);
    expect(Object.keys(res.body.found)).toEqual(expect.arrayContaining(['opening', 'I', 'III', 'IV', 'V']));
    expect(res.body.result.document.signature.lines).toEqual(['TM. UỶ BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(Array.isArray(res.body.result.unplaced)).toBe(true);
  });

  it('opens a report from it with the recognised sections already written, ready for the workflow', async () => {
    const h = await as('vhxh.truong');
    const res = await t.http().post('/api/imports/report').set(h).send({ text: seed('000_ccb5cca196e6a642.txt'), period: { kind: 'quarter', year: 2026, index: 4 }, deadline: '2026-12-18' }).expect(201);
    const report = res.body.report;
    expect(report.state).toBe('draft');
    const filled = report.sections.filter((s: { currentRevisionId: string | null }) => s.currentRevisionId);
    expect(filled.length).toBeGreaterThanOrEqual(5);
    const part1 = report.sections.find((s: { code: string }) => s.code === 'I');
    const content = (await t.http().get(`/api/reports/${report.id}/sections/${part1.id}`).set(h).expect(200)).body.content;
    expect(JSON.stringify(content)).toContain('Kế hoạch số 09/KH-UBND ngày 31/7/2025');
    // It goes straight into the workflow.
    await t.http().post(`/api/reports/${report.id}/events`).set(h).send({ type: 'open_collection', expectedVersion: report.version }).expect(200);
  });

  it('says what is wrong with a bad upload, changing nothing', async () => {
    const h = await as('vhxh.truong');
    const before = (await t.ds.query('SELECT count(*) AS n FROM reports'))[0].n;
    expect((await t.http().post('/api/imports/preview').set(h).send({}).expect(400)).body.message).toMatch(/Cần gửi nội dung/);
    expect((await t.http().post('/api/imports/preview').set(h).send({ docxBase64: Buffer.from('not a zip').toString('base64') }).expect(400)).body.message).toMatch(/docx/);
    await t.http().post('/api/imports/report').set(await as('kt.cv')).send({ text: 'BÁO CÁO\nx', period: { kind: 'quarter', year: 2026, index: 4 }, deadline: '2026-12-18' }).expect(403);
    expect((await t.ds.query('SELECT count(*) AS n FROM reports'))[0].n).toBe(before);
  });
});
