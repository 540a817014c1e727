/**
 * Body validation for the administration endpoints: plain functions, messages in Vietnamese for the
 * person at the screen. Nothing here touches the database; a refused body never reaches a write.
 */
import { BadRequestException } from '@nestjs/common';
import { POSITION_TITLES, ROLE_NAMES, TEMPLATES, isCalendarDate, type FieldCode, type PositionCode, type Role } from '@trinhky/domain';
import { DELEGATION_KINDS, FIELD_NAMES, delegationProblemOn, type Delegation } from '@trinhky/workflow';

export const ROLES = Object.keys(ROLE_NAMES) as Role[];
export const POSITIONS = Object.keys(POSITION_TITLES) as PositionCode[];
export const FIELDS = Object.keys(FIELD_NAMES) as FieldCode[];
export { DELEGATION_KINDS };

/** Roles that only make sense inside a department (the workflow checks the unit). */
const UNIT_ROLES: Role[] = ['drafter', 'head', 'compiler', 'format_checker'];

/** Report kinds known to this installation (from the templates), with a readable name. */
export function reportKinds(): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const t of Object.values(TEMPLATES)) if (!seen.has(t.kind)) seen.set(t.kind, t.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

type Body = Record<string, unknown>;

export function asBody(body: unknown, allowed: string[]): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new BadRequestException('Dữ liệu gửi lên phải là một đối tượng JSON.');
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new BadRequestException(`Trường không được hỗ trợ: ${unknown.join(', ')}.`);
  return body as Body;
}

function text(b: Body, key: string, label: string, min: number, max: number): string {
  const v = b[key];
  if (typeof v !== 'string' || !v.trim()) throw new BadRequestException(`Vui lòng nhập ${label}.`);
  const t = v.trim().normalize('NFC');
  if (t.length < min) throw new BadRequestException(`${cap(label)} phải có ít nhất ${min} ký tự.`);
  if (t.length > max) throw new BadRequestException(`${cap(label)} dài quá ${max} ký tự.`);
  return t;
}

const cap = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

// ---------------------------------------------------------------- units

export interface UnitInput {
  code: string;
  name: string;
}

export function parseUnitCreate(body: unknown): UnitInput {
  const b = asBody(body, ['code', 'name']);
  const code = text(b, 'code', 'mã đơn vị', 2, 16).toUpperCase();
  if (!/^[A-Z][A-Z0-9_]{1,15}$/.test(code))
    throw new BadRequestException('Mã đơn vị gồm chữ in hoa không dấu, số hoặc dấu gạch dưới (2–16 ký tự), ví dụ "TP".');
  return { code, name: text(b, 'name', 'tên đơn vị', 2, 200) };
}

export function parseUnitUpdate(body: unknown): { name: string } {
  const b = asBody(body, ['name', 'code']);
  if (b['code'] !== undefined)
    throw new BadRequestException('Mã đơn vị không đổi được: người dùng và báo cáo đang dùng mã này. Chỉ đổi được tên.');
  return { name: text(b, 'name', 'tên đơn vị', 2, 200) };
}

// ---------------------------------------------------------------- users

export interface UserCreateInput {
  username: string;
  fullName: string;
  password: string;
  position: PositionCode;
  unitCode: string | null;
  roles: Role[];
  fields: FieldCode[];
  active: boolean;
}

export type UserUpdateInput = Partial<Omit<UserCreateInput, 'username'>>;

const USER_KEYS = ['username', 'fullName', 'password', 'position', 'unitCode', 'roles', 'fields', 'active'];

export function parseUserCreate(body: unknown): UserCreateInput {
  const b = asBody(body, USER_KEYS);
  const username = text(b, 'username', 'tên đăng nhập', 3, 50).toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,49}$/.test(username)) {
    throw new BadRequestException(
      'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (3–50 ký tự), ví dụ "tp.cv".',
    );
  }
  if (b['password'] === undefined) throw new BadRequestException('Vui lòng nhập mật khẩu cho người dùng mới.');
  const rest = parseUserFields(b);
  if (!rest.position) throw new BadRequestException('Vui lòng chọn chức vụ.');
  if (!rest.roles) throw new BadRequestException('Vui lòng chọn ít nhất một vai trò.');
  if (!rest.fullName) throw new BadRequestException('Vui lòng nhập họ và tên.');
  const input: UserCreateInput = {
    username,
    fullName: rest.fullName,
    password: rest.password as string,
    position: rest.position,
    unitCode: rest.unitCode ?? null,
    roles: rest.roles,
    fields: rest.fields ?? [],
    active: rest.active ?? true,
  };
  checkRolesAndUnit(input.roles, input.unitCode);
  return input;
}

export function parseUserUpdate(body: unknown): UserUpdateInput {
  const b = asBody(body, USER_KEYS);
  if (b['username'] !== undefined) throw new BadRequestException('Tên đăng nhập không đổi được; hãy tạo người dùng mới nếu cần.');
  const input = parseUserFields(b);
  if (Object.keys(input).length === 0) throw new BadRequestException('Không có thay đổi nào để lưu.');
  return input;
}

function parseUserFields(b: Body): UserUpdateInput {
  const out: UserUpdateInput = {};
  if (b['fullName'] !== undefined) out.fullName = text(b, 'fullName', 'họ và tên', 2, 120);
  if (b['password'] !== undefined) {
    const p = b['password'];
    if (typeof p !== 'string' || p.length < 8) throw new BadRequestException('Mật khẩu phải có ít nhất 8 ký tự.');
    if (p.length > 200) throw new BadRequestException('Mật khẩu dài quá 200 ký tự.');
    out.password = p;
  }
  if (b['position'] !== undefined) {
    if (!POSITIONS.includes(b['position'] as PositionCode))
      throw new BadRequestException(
        `Chức vụ không hợp lệ: ${String(b['position'])}. Chọn một trong: ${POSITIONS.map((p) => POSITION_TITLES[p]).join(', ')}.`,
      );
    out.position = b['position'] as PositionCode;
  }
  if (b['unitCode'] !== undefined) {
    const u = b['unitCode'];
    if (u !== null && (typeof u !== 'string' || !u.trim())) throw new BadRequestException('Đơn vị không hợp lệ.');
    out.unitCode = u === null ? null : (u as string).trim().toUpperCase();
  }
  if (b['roles'] !== undefined) {
    const r = b['roles'];
    if (!Array.isArray(r) || r.length === 0) throw new BadRequestException('Vui lòng chọn ít nhất một vai trò.');
    const bad = r.filter((x) => !ROLES.includes(x as Role));
    if (bad.length) throw new BadRequestException(`Vai trò không hợp lệ: ${bad.map(String).join(', ')}. Các vai trò: ${ROLES.join(', ')}.`);
    out.roles = [...new Set(r as Role[])];
  }
  if (b['fields'] !== undefined) {
    const f = b['fields'];
    if (!Array.isArray(f)) throw new BadRequestException('Lĩnh vực phụ trách phải là một danh sách.');
    const bad = f.filter((x) => !FIELDS.includes(x as FieldCode));
    if (bad.length) throw new BadRequestException(`Lĩnh vực không hợp lệ: ${bad.map(String).join(', ')}.`);
    out.fields = [...new Set(f as FieldCode[])];
  }
  if (b['active'] !== undefined) {
    if (typeof b['active'] !== 'boolean') throw new BadRequestException('Trạng thái hoạt động phải là có hoặc không (true/false).');
    out.active = b['active'];
  }
  return out;
}

/** Department roles need a department. */
export function checkRolesAndUnit(roles: Role[], unitCode: string | null): void {
  const needing = roles.filter((r) => UNIT_ROLES.includes(r));
  if (needing.length && !unitCode) {
    throw new BadRequestException(
      `Vai trò ${needing.map((r) => ROLE_NAMES[r]).join(', ')} cần người dùng thuộc một đơn vị: vui lòng chọn đơn vị.`,
    );
  }
}

// ---------------------------------------------------------------- delegations

export interface DelegationInput {
  userId: string;
  kind: Delegation['kind'];
  fromPosition: PositionCode;
  validFrom: string | null;
  validTo: string | null;
  reportKinds: string[] | null;
}

function isoDate(v: unknown, label: string): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
    throw new BadRequestException(`${cap(label)} không hợp lệ (cần một ngày, dạng yyyy-mm-dd).`);
  if (!isCalendarDate(v)) throw new BadRequestException(`${cap(label)} không phải một ngày có thật: ${v}.`);
  return v;
}

/** Shape only; whether the delegation is valid is libs/workflow's rule, checked by `delegateProblem`. */
export function parseDelegation(body: unknown): DelegationInput {
  const b = asBody(body, ['userId', 'kind', 'fromPosition', 'validFrom', 'validTo', 'reportKinds']);
  if (typeof b['userId'] !== 'string' || !b['userId']) throw new BadRequestException('Vui lòng chọn người được ủy quyền.');
  const kind = b['kind'] as Delegation['kind'];
  if (!DELEGATION_KINDS.includes(kind))
    throw new BadRequestException(
      `Hình thức ủy quyền không hợp lệ: ${String(b['kind'] ?? '(trống)')}. Chọn một trong KT., TM., TL., TUQ., Q.`,
    );
  const fromPosition = (b['fromPosition'] ?? 'CHU_TICH') as PositionCode;
  if (!POSITIONS.includes(fromPosition)) throw new BadRequestException(`Chức vụ ủy quyền không hợp lệ: ${String(fromPosition)}.`);
  const validFrom = isoDate(b['validFrom'], 'từ ngày');
  const validTo = isoDate(b['validTo'], 'đến ngày');
  let kinds: string[] | null = null;
  if (b['reportKinds'] !== undefined && b['reportKinds'] !== null) {
    const r = b['reportKinds'];
    if (!Array.isArray(r)) throw new BadRequestException('Loại báo cáo phải là một danh sách (bỏ trống = mọi loại).');
    const known = reportKinds().map((k) => k.code);
    const bad = r.filter((x) => !known.includes(x as string));
    if (bad.length)
      throw new BadRequestException(`Loại báo cáo không hợp lệ: ${bad.map(String).join(', ')}. Các loại: ${known.join(', ')}.`);
    kinds = r.length ? [...new Set(r as string[])] : null;
  }
  return { userId: b['userId'], kind, fromPosition, validFrom, validTo, reportKinds: kinds };
}

/**
 * Why this delegation may not be granted to this person from `today` on (null when it may): the
 * account must be active, and the delegation valid by libs/workflow's rule (`delegationProblems`,
 * in force today or later).
 */
export function delegateProblem(input: DelegationInput, delegate: { position: string; active: boolean }, today: string): string | null {
  if (!delegate.active) return 'Người được ủy quyền đang bị khóa tài khoản.';
  const delegation: Delegation = {
    kind: input.kind,
    fromPosition: input.fromPosition,
    ...(input.validFrom ? { validFrom: input.validFrom } : {}),
    ...(input.validTo ? { validTo: input.validTo } : {}),
    ...(input.reportKinds ? { reportKinds: input.reportKinds } : {}),
  };
  return delegationProblemOn(delegation, delegate, { day: today, mode: 'from' })?.reason ?? null;
}

export function parsePolicyChoice(body: unknown): string {
  const b = asBody(body, ['policyCode']);
  if (typeof b['policyCode'] !== 'string' || !b['policyCode']) throw new BadRequestException('Vui lòng chọn một quy trình.');
  return b['policyCode'];
}
