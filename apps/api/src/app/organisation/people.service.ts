import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { POSITION_TITLES, type FieldCode, type PositionCode, type Role, type UnitCode } from '@trinhky/domain';
import type { Delegation, WorkflowActor } from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { DelegationEntity, OrganisationEntity, UserEntity } from '../database/entities';
import { unitNamesFrom } from './unit-names';

export interface UserDto {
  id: string;
  username: string;
  fullName: string;
  position: string;
  positionTitle: string;
  unit: { code: string; name: string } | null;
  roles: string[];
  organisation: { id: string; name: string };
}

/** Users, their organisation and what the workflow needs to know about them. */
@Injectable()
export class PeopleService {
  constructor(private readonly ds: DataSource) {}

  async findByUsername(username: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOne({ where: { username: username.trim().toLowerCase() } });
  }

  async organisation(id: string, em: EntityManager = this.ds.manager): Promise<OrganisationEntity> {
    const org = await em.getRepository(OrganisationEntity).findOne({ where: { id } });
    if (!org) throw new NotFoundException('Không tìm thấy cơ quan.');
    return org;
  }

  /** The user behind a token; refuses a deactivated user or one moved to another organisation. */
  async activeUser(userId: string, organisationId: string, em: EntityManager = this.ds.manager): Promise<UserEntity> {
    const user = await em.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (!user || !user.active || user.organisationId !== organisationId) {
      throw new UnauthorizedException('Tài khoản không còn hiệu lực. Vui lòng đăng nhập lại.');
    }
    return user;
  }

  async toDto(user: UserEntity): Promise<UserDto> {
    const org = await this.organisation(user.organisationId);
    // The unit's name as Quản trị keeps it (units table), else the standard name.
    const own: { code: string; name: string }[] = user.unitCode
      ? await this.ds.query('SELECT code, name FROM units WHERE organisation_id = $1 AND code = $2', [user.organisationId, user.unitCode])
      : [];
    const unit = user.unitCode ? { code: user.unitCode, name: unitNamesFrom(own)(user.unitCode) } : null;
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      position: user.position,
      positionTitle: POSITION_TITLES[user.position as PositionCode] ?? user.position,
      unit,
      roles: user.roles,
      organisation: { id: org.id, name: org.name },
    };
  }

  /** The active user behind a token and their workflow view, in one query (the hot path of every event). */
  async activeActor(
    userId: string,
    organisationId: string,
    em: EntityManager = this.ds.manager,
  ): Promise<{ user: UserEntity; actor: WorkflowActor }> {
    const rows: { user: ActorRow | null }[] = await em.query(`SELECT ${actorJson('$1')} AS "user"`, [userId]);
    return activeActorFromRow(rows[0]?.user ?? null, organisationId);
  }

  /** The workflow's view of a user at this moment (roles, unit, position, fields, delegations). */
  async actor(user: UserEntity, em: EntityManager = this.ds.manager): Promise<WorkflowActor> {
    const delegations = await em.getRepository(DelegationEntity).find({ where: { userId: user.id } });
    return toActor(user, delegations);
  }
}

export function toActor(user: UserEntity, delegations: DelegationEntity[]): WorkflowActor {
  return {
    userId: user.id,
    fullName: user.fullName,
    kind: 'user',
    roles: user.roles as Role[],
    unit: (user.unitCode as UnitCode | null) ?? null,
    position: user.position as PositionCode,
    fields: user.fields as FieldCode[],
    delegations: delegations.map((d): Delegation => ({
      kind: d.kind as Delegation['kind'],
      fromPosition: d.fromPosition as PositionCode,
      validFrom: d.validFrom ?? undefined,
      validTo: d.validTo ?? undefined,
      reportKinds: d.reportKinds ?? undefined,
    })),
  };
}

interface DelegationRow {
  kind: string;
  fromPosition: string;
  validFrom: string | null;
  validTo: string | null;
  reportKinds: string[] | null;
}

/** What `actorJson` returns for a user. */
export interface ActorRow {
  id: string;
  organisation_id: string;
  unit_code: string | null;
  username: string;
  full_name: string;
  position: string;
  roles: string[];
  fields: string[];
  active: boolean;
  delegations: DelegationRow[] | null;
}

/**
 * A scalar subquery: the user with id `param` and their delegations as one JSON object (null if
 * there is no such user), to be embedded in a statement that reads other things too.
 */
export function actorJson(param: string): string {
  return `(SELECT json_build_object('id', u.id, 'organisation_id', u.organisation_id, 'unit_code', u.unit_code, 'username', u.username,
            'full_name', u.full_name, 'position', u.position, 'roles', u.roles, 'fields', u.fields, 'active', u.active,
            'delegations', (SELECT json_agg(json_build_object('kind', d.kind, 'fromPosition', d.from_position, 'validFrom', d.valid_from, 'validTo', d.valid_to, 'reportKinds', d.report_kinds))
                              FROM delegations d WHERE d.user_id = u.id))
             FROM users u WHERE u.id = ${param})`;
}

/** The user and their workflow view from `actorJson`; refuses a missing, deactivated or moved user (401). */
export function activeActorFromRow(r: ActorRow | null, organisationId: string): { user: UserEntity; actor: WorkflowActor } {
  if (!r || !r.active || r.organisation_id !== organisationId)
    throw new UnauthorizedException('Tài khoản không còn hiệu lực. Vui lòng đăng nhập lại.');
  const user = Object.assign(new UserEntity(), {
    id: r.id,
    organisationId: r.organisation_id,
    unitCode: r.unit_code,
    username: r.username,
    fullName: r.full_name,
    position: r.position,
    roles: r.roles,
    fields: r.fields,
    active: true,
  });
  const delegations = (r.delegations ?? []).map((d) => Object.assign(new DelegationEntity(), { ...d, userId: user.id }));
  return { user, actor: toActor(user, delegations) };
}

/** The scheduler, as an actor for reminder/overdue events. */
export const SYSTEM_ACTOR: WorkflowActor = {
  userId: '00000000-0000-0000-0000-000000000000',
  fullName: 'Hệ thống',
  kind: 'system',
  roles: [],
  unit: null,
  position: 'QUAN_TRI',
  fields: [],
  delegations: [],
};
