import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a frozen PDF's layout reserved room (the register number, the place-and-date line, the
 * signature room: `DocumentSlots` of @trinhky/documents). The issued PDF is the signed one plus an
 * incremental update that writes the number and date there, so `issue` needs the signed version's slots.
 */
export class FrozenPdfLayout1764920000000 implements MigrationInterface {
  name = 'FrozenPdfLayout1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rendered_pdfs ADD COLUMN layout jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rendered_pdfs DROP COLUMN layout`);
  }
}
