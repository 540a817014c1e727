import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The caller as the database knows them at this moment (not as the token remembers them): set on
 * every authenticated request by AuthGuard after checking that the user exists, is active and
 * still belongs to the token's organisation.
 */
export interface CurrentUser {
  userId: string;
  organisationId: string;
  username: string;
  fullName: string;
  position: string;
  unitCode: string | null;
  roles: string[];
  fields: string[];
}

interface Row {
  id: string;
  organisation_id: string;
  username: string;
  full_name: string;
  position: string;
  unit_code: string | null;
  roles: string[];
  fields: string[];
  active: boolean;
}

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

/** One primary-key read, as a named prepared statement: parsed once per pool connection, then bind + execute only. */
const STATEMENT = {
  name: 'tk_current_user',
  text: 'SELECT id, organisation_id, username, full_name, position, unit_code, roles, fields, active FROM users WHERE id = $1',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CurrentUsers {
  private readonly pool: PgPool;

  constructor(ds: DataSource) {
    this.pool = (ds.driver as unknown as { master: PgPool }).master;
  }

  /** The user with this id if they exist, are active and belong to `organisationId`; null otherwise. */
  async current(userId: string, organisationId: string): Promise<CurrentUser | null> {
    if (!UUID.test(userId)) return null;
    const { rows } = await this.pool.query({ ...STATEMENT, values: [userId] });
    const r = rows[0];
    if (!r || !r.active || r.organisation_id !== organisationId) return null;
    return {
      userId: r.id,
      organisationId: r.organisation_id,
      username: r.username,
      fullName: r.full_name,
      position: r.position,
      unitCode: r.unit_code,
      roles: r.roles,
      fields: r.fields,
    };
  }
}
