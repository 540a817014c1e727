import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The superior's incoming register (sổ văn bản đến, issue 12):
 * - `incoming_entries`: one row per delivered report revision (arrival number per year per receiving
 *   organisation, arrival date, sender, number and notation, document date, subject, the frozen PDF),
 *   with the receiving văn thư's answer (received / refused with the reason);
 * - `incoming_counters`: the arrival numbers, restarting each year;
 * - `incoming_log`: the receiving organisation's own append-only, hash-chained and keyed log of arrivals and answers;
 * - `organisations.receives_incoming`: an agency can stop receiving (deliveries wait and are retried);
 * - `report_receiver(report)`: the in-system agency a report goes to (the request's issuer, the configured receiver, the parent).
 */
export class IncomingRegister1764900000000 implements MigrationInterface {
  name = 'IncomingRegister1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN receives_incoming boolean NOT NULL DEFAULT true`);
    await q.query(`
      CREATE TABLE incoming_counters (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (organisation_id, year)
      )`);
    await q.query(`
      CREATE TABLE incoming_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        year int NOT NULL,
        arrival_number int NOT NULL CHECK (arrival_number > 0),
        arrived_at timestamptz NOT NULL DEFAULT now(),
        sender_id uuid NOT NULL REFERENCES organisations(id),
        sender_name text NOT NULL,
        report_id uuid NOT NULL REFERENCES reports(id),
        revision int NOT NULL,
        request_id uuid REFERENCES report_requests(id),
        number_text text NOT NULL,
        document_date date NOT NULL,
        subject text NOT NULL,
        pdf_id uuid NOT NULL REFERENCES rendered_pdfs(id),
        pdf_sha256 text NOT NULL,
        status text NOT NULL DEFAULT 'arrived' CHECK (status IN ('arrived', 'received', 'refused')),
        answered_at timestamptz,
        answered_by uuid REFERENCES users(id),
        answered_by_name text,
        refusal_reason text,
        UNIQUE (organisation_id, year, arrival_number),
        UNIQUE (report_id, revision),
        CHECK (status <> 'refused' OR length(btrim(refusal_reason)) > 0)
      )`);
    // The register page: newest first, by status; the sender's delivery status by report.
    await q.query(`CREATE INDEX incoming_entries_org_idx ON incoming_entries (organisation_id, arrived_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX incoming_entries_waiting_idx ON incoming_entries (organisation_id, arrived_at DESC) WHERE status = 'arrived'`,
    );
    await q.query(`CREATE INDEX incoming_entries_sender_idx ON incoming_entries (sender_id, arrived_at DESC)`);
    // Pending deliveries of a report (status on the sender's side).
    await q.query(
      `CREATE INDEX outbox_delivery_pending_idx ON outbox ((payload->>'reportId')) WHERE topic = 'incoming.deliver' AND delivered_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE incoming_log (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        seq int NOT NULL,
        at timestamptz NOT NULL,
        entry_id uuid NOT NULL REFERENCES incoming_entries(id),
        event text NOT NULL CHECK (event IN ('arrival', 'received', 'refused')),
        actor_id uuid REFERENCES users(id),
        actor_name text NOT NULL,
        summary text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        mac text NOT NULL,
        PRIMARY KEY (organisation_id, seq)
      )`);
    await q.query(
      `CREATE TRIGGER incoming_log_append_only BEFORE UPDATE OR DELETE ON incoming_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER incoming_log_no_truncate BEFORE TRUNCATE ON incoming_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(`
      CREATE FUNCTION report_receiver(rid uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT COALESCE(
          (SELECT q.organisation_id FROM report_request_targets t JOIN report_requests q ON q.id = t.request_id WHERE t.report_id = rid),
          (SELECT rr.receiver_id FROM reports r JOIN report_receivers rr ON rr.organisation_id = r.organisation_id AND rr.report_kind = r.kind WHERE r.id = rid),
          (SELECT o.parent_id FROM reports r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = rid))
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS report_receiver(uuid)`);
    for (const t of ['incoming_log', 'incoming_entries', 'incoming_counters']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP INDEX IF EXISTS outbox_delivery_pending_idx`);
    await q.query(`ALTER TABLE organisations DROP COLUMN IF EXISTS receives_incoming`);
  }
}
