import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { ParsedBodyOf } from '@trinhky/contracts';
import { POSITION_TITLES, ROLE_NAMES, type PositionCode, type Role } from '@trinhky/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { hashPassword } from '../auth/password';
import { UnitEntity, UserEntity } from '../database/entities';
import type { UserDto } from '../organisation/people.service';
import { AdminAccess, isUniqueViolation } from './admin-access';
import { checkRolesAndUnit, checkUnitKnown } from './admin-refusals';

export interface AdminUnitView {
  id: string;
  code: string;
  name: string;
  userCount: number;
}

/** A user as Quản trị lists them: what /api/me shows, without the organisation, plus the admin fields. */
export interface AdminUserView extends Omit<UserDto, 'organisation'> {
  fields: string[];
  active: boolean;
  createdAt: string;
}

export function userView(u: UserEntity, units: Map<string, string>): AdminUserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    position: u.position,
    positionTitle: POSITION_TITLES[u.position as PositionCode] ?? u.position,
    unit: u.unitCode ? { code: u.unitCode, name: units.get(u.unitCode) ?? u.unitCode } : null,
    roles: u.roles,
    fields: u.fields,
    active: u.active,
    createdAt: new Date(u.createdAt).toISOString(),
  };
}

const USER_NOT_FOUND = 'Không tìm thấy người dùng.';
const UNIT_NOT_FOUND = 'Không tìm thấy đơn vị.';

/** Units and users of the caller's organisation. */
@Injectable()
export class AdminPeopleService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AdminAccess,
  ) {}

  async units(organisationId: string, em: EntityManager = this.ds.manager): Promise<AdminUnitView[]> {
    const units = await em.getRepository(UnitEntity).find({ where: { organisationId }, order: { sortOrder: 'ASC', code: 'ASC' } });
    const counts: { unit_code: string; n: string }[] = await em.query(
      `SELECT unit_code, count(*) AS n FROM users WHERE organisation_id = $1 AND unit_code IS NOT NULL GROUP BY unit_code`,
      [organisationId],
    );
    const byCode = new Map(counts.map((c) => [c.unit_code, Number(c.n)]));
    return units.map((u) => ({ id: u.id, code: u.code, name: u.name, userCount: byCode.get(u.code) ?? 0 }));
  }

  async users(organisationId: string, em: EntityManager = this.ds.manager): Promise<AdminUserView[]> {
    const [users, units] = await Promise.all([
      em.getRepository(UserEntity).find({ where: { organisationId }, order: { username: 'ASC' } }),
      this.unitNames(organisationId, em),
    ]);
    return users.map((u) => userView(u, units));
  }

  async createUnit(p: Principal, input: ParsedBodyOf<'createUnit'>): Promise<AdminUnitView> {
    const admin = await this.access.admin(p);
    return this.ds.transaction(async (em) => {
      const exists = await em.getRepository(UnitEntity).findOne({ where: { organisationId: admin.organisationId, code: input.code } });
      if (exists) throw new ConflictException(`Mã đơn vị "${input.code}" đã có (${exists.name}).`);
      // Listed after the organisation's existing units.
      const [{ next }]: { next: number }[] = await em.query(
        'SELECT COALESCE(max(sort_order), 0) + 1 AS next FROM units WHERE organisation_id = $1',
        [admin.organisationId],
      );
      const unit = em.getRepository(UnitEntity).create({ organisationId: admin.organisationId, ...input, sortOrder: next });
      await em
        .getRepository(UnitEntity)
        .save(unit)
        .catch((err: unknown) => {
          throw isUniqueViolation(err) ? new ConflictException(`Mã đơn vị "${input.code}" đã có.`) : err;
        });
      await this.access.log(em, admin, {
        action: 'unit.create',
        targetId: unit.id,
        summary: `Thêm đơn vị ${unit.name} (${unit.code})`,
        details: { ...input },
      });
      return { id: unit.id, code: unit.code, name: unit.name, userCount: 0 };
    });
  }

  async updateUnit(p: Principal, id: string, input: ParsedBodyOf<'updateUnit'>): Promise<AdminUnitView> {
    const admin = await this.access.admin(p);
    return this.ds.transaction(async (em) => {
      const unit = await em.getRepository(UnitEntity).findOne({ where: { id, organisationId: admin.organisationId } });
      if (!unit) throw new NotFoundException(UNIT_NOT_FOUND);
      const before = unit.name;
      unit.name = input.name;
      await em.getRepository(UnitEntity).save(unit);
      await this.access.log(em, admin, {
        action: 'unit.update',
        targetId: unit.id,
        summary: `Đổi tên đơn vị ${unit.code}: "${before}" → "${unit.name}"`,
        details: { before: { name: before }, after: input },
      });
      return (await this.units(admin.organisationId, em)).find((u) => u.id === id) as AdminUnitView;
    });
  }

  async createUser(p: Principal, body: ParsedBodyOf<'createUser'>): Promise<AdminUserView> {
    const admin = await this.access.admin(p);
    const input = { ...body, unitCode: body.unitCode ?? null, fields: body.fields ?? [], active: body.active ?? true };
    const units = await this.unitNames(admin.organisationId);
    checkUnitKnown(input.unitCode, units);
    const taken = await this.ds.getRepository(UserEntity).findOne({ where: { username: input.username } });
    if (taken) throw new ConflictException(`Tên đăng nhập "${input.username}" đã có người dùng; vui lòng chọn tên khác.`);
    const passwordHash = await hashPassword(input.password);
    return this.ds.transaction(async (em) => {
      const user = em.getRepository(UserEntity).create({
        organisationId: admin.organisationId,
        unitCode: input.unitCode,
        username: input.username,
        fullName: input.fullName,
        passwordHash,
        position: input.position,
        roles: input.roles,
        fields: input.fields,
        signatureImage: null,
        active: input.active,
      });
      await em
        .getRepository(UserEntity)
        .save(user)
        .catch((err: unknown) => {
          throw isUniqueViolation(err)
            ? new ConflictException(`Tên đăng nhập "${input.username}" đã có người dùng; vui lòng chọn tên khác.`)
            : err;
        });
      const logged: Partial<typeof input> = { ...input };
      delete logged.password;
      await this.access.log(em, admin, {
        action: 'user.create',
        targetId: user.id,
        summary: `Thêm người dùng ${user.fullName} (${user.username}), ${describeRoles(user.roles)}`,
        details: logged,
      });
      return userView(user, units);
    });
  }

  async updateUser(p: Principal, id: string, input: ParsedBodyOf<'updateUser'>): Promise<AdminUserView> {
    const admin = await this.access.admin(p);
    const units = await this.unitNames(admin.organisationId);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return this.ds.transaction(async (em) => {
      const user = await em
        .getRepository(UserEntity)
        .findOne({ where: { id, organisationId: admin.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException(USER_NOT_FOUND);
      if (user.id === admin.id) {
        if (input.active === false)
          throw new BadRequestException('Bạn không thể tự khóa tài khoản của chính mình; hãy nhờ một quản trị khác.');
        if (input.roles && !input.roles.includes('admin'))
          throw new BadRequestException('Bạn không thể tự bỏ vai trò Quản trị của chính mình; hãy nhờ một quản trị khác.');
      }
      checkUnitKnown(input.unitCode, units);
      const next = {
        unitCode: input.unitCode !== undefined ? input.unitCode : user.unitCode,
        roles: (input.roles ?? user.roles) as Role[],
      };
      checkRolesAndUnit(next.roles, next.unitCode);
      const before = userView(user, units);
      if (input.fullName !== undefined) user.fullName = input.fullName;
      if (input.position !== undefined) user.position = input.position;
      if (input.unitCode !== undefined) user.unitCode = input.unitCode;
      if (input.roles !== undefined) user.roles = input.roles;
      if (input.fields !== undefined) user.fields = input.fields;
      if (input.active !== undefined) user.active = input.active;
      if (passwordHash) user.passwordHash = passwordHash;
      await em.getRepository(UserEntity).save(user);
      const after = userView(user, units);
      const changes = changedFields(before, after);
      if (passwordHash) changes.push('đặt lại mật khẩu');
      await this.access.log(em, admin, {
        action: 'user.update',
        targetId: user.id,
        summary: `Sửa người dùng ${user.fullName} (${user.username}): ${changes.join(', ') || 'không đổi'}`,
        details: { before: pick(before), after: pick(after), passwordReset: !!passwordHash },
      });
      return after;
    });
  }

  async unitNames(organisationId: string, em: EntityManager = this.ds.manager): Promise<Map<string, string>> {
    const units = await em.getRepository(UnitEntity).find({ where: { organisationId } });
    return new Map(units.map((u) => [u.code, u.name]));
  }
}

function describeRoles(roles: string[]): string {
  return `vai trò ${roles.map((r) => ROLE_NAMES[r as Role] ?? r).join(', ')}`;
}

const LABELS: Record<string, string> = {
  fullName: 'họ tên',
  position: 'chức vụ',
  unit: 'đơn vị',
  roles: 'vai trò',
  fields: 'lĩnh vực',
  active: 'trạng thái hoạt động',
};

function pick(v: AdminUserView): Record<string, unknown> {
  return { fullName: v.fullName, position: v.position, unit: v.unit?.code ?? null, roles: v.roles, fields: v.fields, active: v.active };
}

function changedFields(a: AdminUserView, b: AdminUserView): string[] {
  const pa = pick(a);
  const pb = pick(b);
  return Object.keys(pa)
    .filter((k) => JSON.stringify(pa[k]) !== JSON.stringify(pb[k]))
    .map((k) => LABELS[k] ?? k);
}
