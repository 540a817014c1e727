import { ReportEntity, SectionEntity } from '../database/entities';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { REPORT_COLUMNS, SECTIONS_JSON, reportFromRow, sectionFromRow } from './report-rows';

/** The hot path maps rows by hand: this keeps its column lists in step with TypeORM's entities (a new column fails here). */
describe('raw rows of the transition path (database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('reads every column of ReportEntity and maps it to every property', async () => {
    const meta = t.ds.getMetadata(ReportEntity);
    const listed = REPORT_COLUMNS.split(',').map((c) =>
      c
        .trim()
        .split(/\s+AS\s+|::/i)[0]
        .trim(),
    );
    expect([...listed].sort()).toEqual(meta.columns.map((c) => c.databaseName).sort());
    const [row] = await t.ds.query(`SELECT ${REPORT_COLUMNS} FROM reports LIMIT 1`);
    const mapped = reportFromRow(row);
    for (const c of meta.columns)
      expect({ [c.propertyName]: (mapped as unknown as Record<string, unknown>)[c.propertyName] !== undefined }).toEqual({
        [c.propertyName]: true,
      });
  });

  it('reads every property of SectionEntity', async () => {
    const [report] = await t.ds.query('SELECT id FROM reports LIMIT 1');
    const [{ sections }] = await t.ds.query(`SELECT ${SECTIONS_JSON} AS sections`, [report.id]);
    const mapped = sectionFromRow(sections[0]) as unknown as Record<string, unknown>;
    for (const c of t.ds.getMetadata(SectionEntity).columns)
      expect({ [c.propertyName]: mapped[c.propertyName] !== undefined }).toEqual({ [c.propertyName]: true });
  });
});
