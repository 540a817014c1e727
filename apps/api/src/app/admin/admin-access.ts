import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { ForbiddenWithReason } from '../common/http-errors';
import type { UserEntity } from '../database/entities';
import { PeopleService } from '../organisation/people.service';

export const NOT_ADMIN = 'Chỉ người có vai trò Quản trị mới được dùng chức năng quản trị (đơn vị, người dùng, ủy quyền, quy trình).';

export interface AdminLogEntry {
  action: string;
  targetId?: string | null;
  summary: string;
  details?: Record<string, unknown>;
}

/** Who may administer (the admin role of the caller's organisation) and the append-only admin log. */
@Injectable()
export class AdminAccess {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
  ) {}

  /** The caller, if active and an admin of their organisation; 403 with the reason otherwise. */
  async admin(p: Principal): Promise<UserEntity> {
    const user = await this.people.activeUser(p.userId, p.organisationId);
    if (!user.roles.includes('admin')) throw new ForbiddenWithReason(NOT_ADMIN);
    return user;
  }

  /** Appends one entry (inside the caller's transaction, so a refused change logs nothing). */
  async log(em: EntityManager, actor: UserEntity, entry: AdminLogEntry): Promise<void> {
    await em.query(
      `INSERT INTO admin_log (organisation_id, actor_id, actor_name, action, target_id, summary, details) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        actor.organisationId,
        actor.id,
        actor.fullName,
        entry.action,
        entry.targetId ?? null,
        entry.summary,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** A page of the organisation's admin log, newest first; `total` counts every entry. */
  async recent(organisationId: string, limit: number, offset: number): Promise<{ items: AdminLogView[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        `SELECT id, at, actor_name, action, target_id, summary FROM admin_log WHERE organisation_id = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
        [organisationId, limit, offset],
      ) as Promise<{ id: string; at: Date; actor_name: string; action: string; target_id: string | null; summary: string }[]>,
      this.ds.query('SELECT count(*)::int AS n FROM admin_log WHERE organisation_id = $1', [organisationId]) as Promise<{ n: number }[]>,
    ]);
    const items = rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: r.actor_name,
      action: r.action,
      targetId: r.target_id,
      summary: r.summary,
    }));
    return { items, total: count.n };
  }
}

export interface AdminLogView {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetId: string | null;
  summary: string;
}

/** PostgreSQL unique violation (a concurrent insert won the race). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}
