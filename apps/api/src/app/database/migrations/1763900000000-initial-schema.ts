import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole first schema: organisations, people, reports and sections, audit, register, outbox. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES organisations(id),
        name text NOT NULL,
        issuer_parent text NOT NULL,
        issuer_name text NOT NULL,
        place text NOT NULL,
        number_suffix text NOT NULL,
        collective_title text NOT NULL,
        seal_image text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        code text NOT NULL,
        name text NOT NULL,
        UNIQUE (organisation_id, code)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        unit_code text,
        username text NOT NULL UNIQUE,
        full_name text NOT NULL,
        password_hash text NOT NULL,
        position text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        fields text[] NOT NULL DEFAULT '{}',
        signature_image text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX users_org_idx ON users (organisation_id)`);
    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('KT','TM','TL','TUQ','Q')),
        from_position text NOT NULL,
        valid_from date,
        valid_to date,
        report_kinds text[],
        CHECK (kind <> 'TUQ' OR (valid_from IS NOT NULL AND valid_to IS NOT NULL)),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`
      CREATE TABLE routing_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        report_kind text NOT NULL,
        policy jsonb NOT NULL,
        UNIQUE (organisation_id, report_kind)
      )`);
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        template_code text NOT NULL,
        kind text NOT NULL,
        period_kind text NOT NULL,
        period_year int NOT NULL,
        period_index int,
        period_key text NOT NULL,
        title text NOT NULL,
        subject jsonb NOT NULL,
        recipients jsonb NOT NULL,
        distribution jsonb NOT NULL,
        basis text,
        state text NOT NULL,
        snapshot jsonb NOT NULL,
        version int NOT NULL DEFAULT 1,
        definition_version int NOT NULL,
        policy jsonb NOT NULL,
        revision int NOT NULL DEFAULT 1,
        deadline date NOT NULL,
        cutoff_from date NOT NULL,
        cutoff_to date NOT NULL,
        number int,
        number_text text,
        issued_at date,
        signer_id uuid REFERENCES users(id),
        signature jsonb,
        signed_hash text,
        overdue boolean NOT NULL DEFAULT false,
        next_reminder_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reports_org_idx ON reports (organisation_id, period_key, state)`);
    await q.query(`CREATE INDEX reports_reminder_idx ON reports (next_reminder_at) WHERE next_reminder_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        code text NOT NULL,
        label text NOT NULL,
        title text NOT NULL,
        level text NOT NULL,
        parent_code text,
        sort_order int NOT NULL,
        unit_code text NOT NULL,
        assignee_id uuid REFERENCES users(id),
        state text NOT NULL,
        snapshot jsonb NOT NULL,
        deadline date NOT NULL,
        current_revision_id uuid,
        current_content_hash text,
        accepted_revision_id uuid,
        last_comment text,
        overdue boolean NOT NULL DEFAULT false,
        next_reminder_at timestamptz,
        UNIQUE (report_id, code)
      )`);
    await q.query(`CREATE INDEX sections_report_idx ON sections (report_id, sort_order)`);
    await q.query(`CREATE INDEX sections_reminder_idx ON sections (next_reminder_at) WHERE next_reminder_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE section_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL REFERENCES sections(id),
        report_id uuid NOT NULL REFERENCES reports(id),
        number int NOT NULL,
        base_revision_id uuid REFERENCES section_revisions(id),
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (section_id, number)
      )`);
    await q.query(`
      CREATE TABLE audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        report_id uuid NOT NULL,
        seq int NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_name text NOT NULL,
        actor_position text NOT NULL,
        event text NOT NULL,
        from_state text,
        to_state text,
        section_id uuid,
        comment text,
        summary text NOT NULL,
        content_hash text,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (report_id, seq)
      )`);
    await q.query(`
      CREATE TABLE audit_anchors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        seq int NOT NULL,
        at timestamptz NOT NULL,
        heads jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (organisation_id, seq)
      )`);
    // Append-only tables: the database itself refuses UPDATE and DELETE (and TRUNCATE).
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'bảng % chỉ được ghi thêm (append-only): % bị từ chối', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_entries', 'audit_anchors', 'section_revisions']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
    await q.query(`
      CREATE TABLE register_counters (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        year int NOT NULL,
        register_code text NOT NULL,
        last_number int NOT NULL,
        PRIMARY KEY (organisation_id, year, register_code)
      )`);
    await q.query(`
      CREATE TABLE register_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        year int NOT NULL,
        register_code text NOT NULL,
        number int NOT NULL CHECK (number > 0),
        number_text text NOT NULL,
        issued_on date NOT NULL,
        doc_type text NOT NULL,
        subject text NOT NULL,
        signer_name text NOT NULL,
        recipients text NOT NULL,
        archive_unit text NOT NULL,
        copies int NOT NULL DEFAULT 1,
        report_id uuid NOT NULL REFERENCES reports(id),
        dispatched_at timestamptz,
        CONSTRAINT register_number_unique UNIQUE (organisation_id, year, register_code, number)
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE delivered_at IS NULL`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        report_id uuid,
        message text NOT NULL,
        outbox_id bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (outbox_id, user_id)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE rendered_pdfs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id),
        kind text NOT NULL,
        revision int NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (report_id, kind, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'rendered_pdfs',
      'notifications',
      'outbox',
      'register_entries',
      'register_counters',
      'audit_anchors',
      'audit_entries',
      'section_revisions',
      'sections',
      'reports',
      'routing_policies',
      'delegations',
      'users',
      'units',
      'organisations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS refuse_change()`);
  }
}
