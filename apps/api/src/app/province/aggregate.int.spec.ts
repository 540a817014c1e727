import ExcelJS from 'exceljs';
import { LIFECYCLE_USERS, type Client } from '../../testing/lifecycle';
import { driveToDispatchedWithFigures } from '../../testing/lifecycle-figures';
import { conformsToContract } from '../../testing/contract-check';
import { lifecycleClient } from '../../testing/http-client';
import { startTestApp, type TestApp } from '../../testing/test-app';

/** Issue 12 §5: the figures of the communes that submitted, summed per indicator, exported, and the Sở's compiled report. */
describe('aggregation of a request and the Sở’s compiled report (database, exceljs)', () => {
  let t: TestApp;
  let anBinh: Client;
  let tanPhu: Client;
  const AN_BINH = 'Ủy ban nhân dân xã An Bình';
  const TAN_PHU = 'Ủy ban nhân dân xã Tân Phú';
  const HOA_LOI = 'Ủy ban nhân dân xã Hòa Lợi';
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const orgId = async (name: string) =>
    ((await t.ds.query('SELECT id FROM organisations WHERE name = $1', [name]))[0] as { id: string }).id;
  let requestId: string;
  const FIG: Record<string, Record<string, Record<string, string[]>>> = {
    [AN_BINH]: {
      'II.2': { '4': ['2.169'], '5': ['2.143'], '5.1': ['2.139'], '5.2': ['4'], '6': ['26'], '1': ['383'], '3': ['100'] },
      I: { '4': ['1'], '6': ['1.500'] },
    },
    [TAN_PHU]: {
      'II.2': { '4': ['575'], '5': ['575'], '5.1': ['395'], '5.2': ['180'], '6': ['0'], '1': ['100'], '3': ['50'] },
      I: { '4': ['0'], '6': ['250'] },
    },
  };

  /** Opens the commune's report from the request and takes it to dispatched, with its figures in parts I and II.2. */
  async function submit(c: Client, prefix: string, name: string): Promise<void> {
    const o = (
      await t
        .http()
        .post(`/api/requests/${requestId}/open`)
        .set(await as(`${prefix}vhxh.truong`))
        .expect(201)
    ).body;
    await driveToDispatchedWithFigures(c, o, FIG[name]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    anBinh = await lifecycleClient(t, LIFECYCLE_USERS);
    const tokens: Record<string, string> = {};
    for (const u of LIFECYCLE_USERS) tokens[u] = await t.login(`tanphu.${u}`);
    tanPhu = { base: anBinh.base, tokens };
    requestId = (
      await t
        .http()
        .post('/api/requests')
        .set(await as('snv.cv'))
        .send({
          numberText: '4001/SNV-CCHC',
          issuedOn: '2099-08-02',
          subject: 'về việc báo cáo công tác CCHC quý III năm 2099',
          templateCode: 'CCHC_QUY',
          period: { kind: 'quarter', year: 2099, index: 3 },
          deadline: '2099-09-20',
          organisationIds: [await orgId(AN_BINH), await orgId(TAN_PHU), await orgId(HOA_LOI)],
        })
        .expect(201)
    ).body.id;
    await submit(anBinh, '', AN_BINH);
    await submit(tanPhu, 'tanphu.', TAN_PHU);
    // Hòa Lợi opens its report but does not send it.
    await t
      .http()
      .post(`/api/requests/${requestId}/open`)
      .set(await as('hoaloi.vhxh.truong'))
      .expect(201);
  }, 300_000);
  afterAll(() => t.close());

  const figure = (body: { groups: { code: string; indicators: { code: string; periods: unknown[] }[] }[] }, g: string, code: string) =>
    body.groups.find((x) => x.code === g)?.indicators.find((i) => i.code === code)?.periods[0] as Record<string, unknown>;

  it('sums the submitted communes’ figures, recomputes rates from the sums, counts coded answers, lists who is not in', async () => {
    const res = await t
      .http()
      .get(`/api/requests/${requestId}/aggregate`)
      .set(await as('snv.cv'))
      .expect(200)
      .expect(conformsToContract);
    const a = res.body;
    expect(a.included.map((x: { organisation: { name: string } }) => x.organisation.name)).toEqual([AN_BINH, TAN_PHU]);
    expect(a.notIncluded).toEqual([
      expect.objectContaining({ organisation: expect.objectContaining({ name: HOA_LOI }), reason: expect.stringContaining('Chưa gửi') }),
    ]);
    expect(figure(a, 'TTHC', '5')).toMatchObject({ method: 'sum', value: 2718, text: '2.718', reported: 2 });
    expect(figure(a, 'TTHC', '4')).toMatchObject({ value: 2744, reported: 2 });
    expect(figure(a, 'TTHC', '5').sources).toEqual([
      { organisationId: await orgId(AN_BINH), organisationName: AN_BINH, value: '2.143' },
      { organisationId: await orgId(TAN_PHU), organisationName: TAN_PHU, value: '575' },
    ]);
    const rate = figure(a, 'TTHC', '5.3');
    expect(rate).toMatchObject({ method: 'rate', text: '93,23', rate: { part: '5.1', total: '5', partSum: 2534, totalSum: 2718 } });
    expect(rate.value as number).toBeCloseTo((2534 / 2718) * 100, 9);
    expect(figure(a, 'TTHC', '3')).toMatchObject({ method: 'weighted' });
    expect(figure(a, 'TTHC', '3').value as number).toBeCloseTo((100 * 383 + 50 * 100) / 483, 9);
    expect(figure(a, 'CDDH', '4').counts).toEqual([
      { value: 0, label: 'Không tổ chức', count: 1 },
      { value: 1, label: 'Có tổ chức', count: 1 },
    ]);
    expect(figure(a, 'CDDH', '6')).toMatchObject({ value: 1750, reported: 2 });
    expect(figure(a, 'CQS', '1')).toMatchObject({ method: 'none', reported: 0 });
    expect(a.compile).toEqual({ allowed: false, reason: expect.stringContaining('mới được mở báo cáo'), reportId: null });
  });

  it('answers 404 to a commune’s user and to a user of another agency, as the other request routes', async () => {
    for (const u of ['vhxh.truong', 'tanphu.vhxh.cv', 'tinh.cv']) {
      await t
        .http()
        .get(`/api/requests/${requestId}/aggregate`)
        .set(await as(u))
        .expect(404);
      await t
        .http()
        .get(`/api/requests/${requestId}/aggregate.xlsx`)
        .set(await as(u))
        .expect(404);
    }
    // A commune user addressed by the request still reads the request itself.
    await t
      .http()
      .get(`/api/requests/${requestId}`)
      .set(await as('vhxh.truong'))
      .expect(200);
  });

  it('exports the aggregate as .xlsx: one row per indicator, sums over the communes sheet, rates as formulas', async () => {
    const res = await t
      .http()
      .get(`/api/requests/${requestId}/aggregate.xlsx`)
      .set(await as('snv.cv'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    const sum = wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    const per = wb.getWorksheet('Số liệu từng xã') as ExcelJS.Worksheet;
    const rowOf = (ws: ExcelJS.Worksheet, name: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((row) => {
        if (!found && row.getCell(2).value === name) found = row;
      });
      if (!found) throw new Error(`no row ${name}`);
      return found;
    };
    const total = rowOf(sum, 'Tổng số hồ sơ đã giải quyết');
    const f = total.getCell(4).value as ExcelJS.CellFormulaValue;
    expect(f.formula).toMatch(/^IF\(COUNT\('Số liệu từng xã'!D\d+:E\d+\)=0,"",SUM\('Số liệu từng xã'!D\d+:E\d+\)\)$/);
    expect(f.result).toBe(2718);
    expect(total.getCell(4).numFmt).toBe('#,##0');
    expect(total.getCell(5).value).toBe(2);
    const rate = rowOf(sum, 'Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn').getCell(4);
    expect((rate.value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(OR\(D\d+="",D\d+="",D\d+=0\),"",D\d+\/D\d+\)$/);
    expect((rate.value as ExcelJS.CellFormulaValue).result).toBeCloseTo(2534 / 2718, 9);
    expect(rate.numFmt).toBe('0.00 %');
    expect(per.getRow(4).getCell(4).value).toBe(AN_BINH);
    expect(per.getRow(4).getCell(5).value).toBe(TAN_PHU);
    const src = rowOf(per, 'Tổng số hồ sơ đã giải quyết');
    expect([src.getCell(4).value, src.getCell(5).value]).toEqual([2143, 575]);
    expect(rowOf(per, 'Tổ chức cuộc thi tìm hiểu CCHC').getCell(4).value).toBe('Có tổ chức');
  });

  it('compiles the Sở’s own report: its organisation, the same template, the annex pre-filled with the sums; once', async () => {
    await t
      .http()
      .post(`/api/requests/${requestId}/compile`)
      .set(await as('snv.cv'))
      .send({})
      .expect(403);
    const res = await t
      .http()
      .post(`/api/requests/${requestId}/compile`)
      .set(await as('snv.cchc'))
      .send({})
      .expect(201)
      .expect(conformsToContract);
    const d = res.body;
    expect(d.organisation.name).toBe('Sở Nội vụ tỉnh Đông Hòa');
    expect(d.templateCode).toBe('CCHC_QUY');
    expect(d.state).toBe('draft');
    expect(d.basis).toContain('Thực hiện Văn bản số 4001/SNV-CCHC');
    expect(d.basis).toContain('2/3 cơ quan');
    const part = d.sections.find((s: { code: string }) => s.code === 'II.2');
    const sec = (
      await t
        .http()
        .get(`/api/reports/${d.id}/sections/${part.id}`)
        .set(await as('snv.cchc'))
        .expect(200)
    ).body;
    expect(sec.figures.values).toMatchObject({
      '4': ['2.744'],
      '5': ['2.718'],
      '5.1': ['2.534'],
      '5.2': ['184'],
      '6': ['26'],
      '5.3': [null],
    });
    expect(sec.figures.findings.filter((x: { severity: string }) => x.severity === 'error')).toEqual([]);
    const again = await t
      .http()
      .post(`/api/requests/${requestId}/compile`)
      .set(await as('snv.cchc'))
      .send({})
      .expect(409);
    expect(again.body.reportId).toBe(d.id);
    expect(
      (
        await t
          .http()
          .get(`/api/requests/${requestId}/aggregate`)
          .set(await as('snv.cchc'))
          .expect(200)
      ).body.compile,
    ).toEqual({ allowed: false, reason: 'Báo cáo tổng hợp đã được lập từ văn bản này.', reportId: d.id });
    // A commune cannot compile from a request it was sent.
    await t
      .http()
      .post(`/api/requests/${requestId}/compile`)
      .set(await as('vhxh.truong'))
      .send({})
      .expect(404);
    await t
      .http()
      .post(`/api/requests/${requestId}/compile`)
      .set(await as('snv.cchc'))
      .send({ deadline: '2099-02-31' })
      .expect(400);
  });
});
