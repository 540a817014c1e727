import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { MIGRATIONS, dataSourceOptions } from './data-source';

/**
 * Migration 1765500000000 over data written before it: a unit code in use without a row of `units`
 * (a superior seeded without units, its compiling unit stored as VHXH; a part of a report) gets one,
 * named by the commune standard name or its code, nothing renamed; then the keys hold — a user or a
 * part on a unit the organisation does not have is refused by the database.
 */
describe('migration 1765500000000: organisation units (database)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const at = MIGRATIONS.findIndex((m) => m.name === 'OrganisationUnits1765500000000');
  const before = MIGRATIONS.slice(0, at);
  /** Up to this migration and no further: the undo below must undo this one, whatever comes after it. */
  const through = MIGRATIONS.slice(0, at + 1);

  beforeAll(async () => {
    db = await createTestDatabase(undefined, { empty: true });
    ds = new DataSource({ ...dataSourceOptions(db.url), migrations: before } as ConstructorParameters<typeof DataSource>[0]);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  }, 120_000);
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('backfills the units in use, keeps every code, then enforces them', async () => {
    const [org] = await ds.query(
      `INSERT INTO organisations (name, issuer_parent, issuer_name, place, number_suffix, collective_title)
       VALUES ('Sở Nội vụ tỉnh Cũ', 'UBND TỈNH CŨ', 'SỞ NỘI VỤ', 'Cũ', 'SNV', 'SỞ NỘI VỤ') RETURNING id`,
    );
    await ds.query(`INSERT INTO units (organisation_id, code, name) VALUES ($1, 'TP', 'Thanh tra Sở')`, [org.id]);
    const user = async (username: string, unit: string | null) =>
      (
        await ds.query(
          `INSERT INTO users (organisation_id, unit_code, username, full_name, password_hash, position, roles)
           VALUES ($1, $2, $3, $3, 'x', 'CHUYEN_VIEN', '{compiler}') RETURNING id`,
          [org.id, unit, username],
        )
      )[0].id as string;
    const author = await user('cu.cchc', 'VHXH');
    await user('cu.tt', 'TP');
    await user('cu.admin', null);
    const [report] = await ds.query(
      `INSERT INTO reports (organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title, subject, recipients,
         distribution, state, snapshot, definition_version, policy, deadline, cutoff_from, cutoff_to, created_by)
       VALUES ($1, 'CCHC_QUY', 'CCHC', 'quarter', 2025, 3, '2025-Q3', 'BC', '[]', '[]', '[]', 'draft', '{}', 2, '{}', '2025-09-20', '2025-06-15', '2025-09-14', $2)
       RETURNING id`,
      [org.id, author],
    );
    await ds.query(
      `INSERT INTO sections (report_id, organisation_id, code, label, title, level, sort_order, unit_code, state, snapshot, deadline)
       VALUES ($1, $2, 'II.9', '9.', 'Phần riêng', 'item', 0, 'CVX', 'assigned', '{}', '2025-09-15')`,
      [report.id, org.id],
    );

    ds.setOptions({ migrations: through });
    await ds.destroy();
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });

    const units = await ds.query('SELECT code, name, sort_order FROM units WHERE organisation_id = $1 ORDER BY code', [org.id]);
    expect(units).toEqual([
      { code: 'CVX', name: 'CVX', sort_order: 0 },
      { code: 'TP', name: 'Thanh tra Sở', sort_order: 0 },
      { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', sort_order: 0 },
    ]);
    expect((await ds.query('SELECT unit_code FROM users WHERE id = $1', [author]))[0].unit_code).toBe('VHXH');
    await expect(ds.query(`UPDATE users SET unit_code = 'KHONG' WHERE id = $1`, [author])).rejects.toThrow(/users_unit_fkey/);
    await expect(ds.query(`UPDATE sections SET unit_code = 'KHONG' WHERE report_id = $1`, [report.id])).rejects.toThrow(
      /sections_unit_fkey/,
    );
    await ds.undoLastMigration({ transaction: 'each' });
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE conname IN ('users_unit_fkey', 'sections_unit_fkey')`))[0].n,
    ).toBe(0);
  });
});
