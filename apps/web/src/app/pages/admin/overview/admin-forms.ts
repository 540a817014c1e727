/**
 * Form logic of the Quản trị screen, kept out of the components so it can be tested without a DOM:
 * dd/mm/yyyy dates, the user dialog (create or edit: only what changed is sent) and the delegation form.
 * The API validates again; these checks only spare a round trip and name the field.
 */
import { unitRoleProblem, type FieldCode, type PositionCode, type Role } from '@trinhky/domain';
import {
  dayWithinDelegation,
  deriveSignatureBlock,
  grantProblems,
  signingOrganisationOfHead,
  toDelegation,
  type Delegation,
} from '@trinhky/workflow';
import type { AdminUser, DelegationCreateRequest, UserCreateRequest, UserUpdateRequest } from '@trinhky/contracts';

/** The form holds the codes the API's vocabulary offered; the contract names them (the API checks them again). */
type FieldCodes = NonNullable<UserCreateRequest['fields']>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "05/12/2026" (also "5/12/2026", "05-12-2026", "05.12.2026") → "2026-12-05"; null if not a real date. */
export function parseDateVi(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "2026-12-05" → "05/12/2026". */
export function toDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

// ---------------------------------------------------------------- user dialog

export interface UserForm {
  username: string;
  fullName: string;
  position: string;
  unitCode: string | null;
  roles: string[];
  fields: string[];
  password: string;
  active: boolean;
}

export function emptyUserForm(): UserForm {
  return { username: '', fullName: '', position: 'CHUYEN_VIEN', unitCode: null, roles: [], fields: [], password: '', active: true };
}

export function userFormOf(u: AdminUser): UserForm {
  return {
    username: u.username,
    fullName: u.fullName,
    position: u.position,
    unitCode: u.unit?.code ?? null,
    roles: [...u.roles],
    fields: [...u.fields],
    password: '',
    active: u.active,
  };
}

/** Problems of the form, field by field (empty when it may be sent). `editing` = an existing user. */
export function validateUserForm(f: UserForm, editing: boolean): Partial<Record<keyof UserForm, string>> {
  const e: Partial<Record<keyof UserForm, string>> = {};
  if (!editing) {
    const u = f.username.trim().toLowerCase();
    if (!u) e.username = 'Vui lòng nhập tên đăng nhập.';
    else if (!/^[a-z0-9][a-z0-9._-]{2,49}$/.test(u))
      e.username = 'Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang (3–50 ký tự).';
  }
  if (f.fullName.trim().length < 2) e.fullName = 'Vui lòng nhập họ và tên.';
  if (!f.position) e.position = 'Vui lòng chọn chức vụ.';
  const unitProblem = unitRoleProblem(f.roles, f.unitCode);
  if (f.roles.length === 0) e.roles = 'Vui lòng chọn ít nhất một vai trò.';
  else if (unitProblem) e.unitCode = unitProblem;
  if (!editing && !f.password) e.password = 'Vui lòng nhập mật khẩu (ít nhất 8 ký tự).';
  else if (f.password && f.password.length < 8) e.password = 'Mật khẩu phải có ít nhất 8 ký tự.';
  return e;
}

export function toCreateUserRequest(f: UserForm): UserCreateRequest {
  return {
    username: f.username.trim().toLowerCase(),
    fullName: f.fullName.trim(),
    password: f.password,
    position: f.position,
    unitCode: f.unitCode,
    roles: f.roles,
    fields: f.fields as FieldCodes,
    active: f.active,
  };
}

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed (and the new password when one was typed); null when nothing changed. */
export function toUpdateUserRequest(before: AdminUser, f: UserForm): UserUpdateRequest | null {
  const out: UserUpdateRequest = {};
  if (f.fullName.trim() !== before.fullName) out.fullName = f.fullName.trim();
  if (f.position !== before.position) out.position = f.position;
  if ((f.unitCode ?? null) !== (before.unit?.code ?? null)) out.unitCode = f.unitCode;
  if (!sameSet(f.roles, before.roles)) out.roles = f.roles;
  if (!sameSet(f.fields, before.fields)) out.fields = f.fields as FieldCodes;
  if (f.active !== before.active) out.active = f.active;
  if (f.password) out.password = f.password;
  return Object.keys(out).length ? out : null;
}

// ---------------------------------------------------------------- delegation form

export interface DelegationForm {
  userId: string;
  kind: string;
  fromPosition: string;
  /** dd/mm/yyyy as typed. */
  validFrom: string;
  validTo: string;
  /** Empty = every report kind. */
  reportKinds: string[];
}

export function emptyDelegationForm(): DelegationForm {
  return { userId: '', kind: 'TUQ', fromPosition: 'CHU_TICH', validFrom: '', validTo: '', reportKinds: [] };
}

/** The delegation the form describes (dates as far as they parse), read as the API reads the request. */
function delegationOf(f: DelegationForm): Delegation {
  return toDelegation(toDelegationRequest(f));
}

/**
 * Problems of the form, field by field; `today` as yyyy-mm-dd. Dates must parse; the rest is
 * libs/workflow's `grantProblems` (valid and in force today or later), the function the API refuses
 * a grant with — for the chosen delegate when known.
 */
export function validateDelegationForm(
  f: DelegationForm,
  today: string,
  delegate?: Pick<AdminUser, 'position'>,
): Partial<Record<keyof DelegationForm, string>> {
  const e: Partial<Record<keyof DelegationForm, string>> = {};
  if (!f.userId) e.userId = 'Vui lòng chọn người được ủy quyền.';
  if (!f.kind) e.kind = 'Vui lòng chọn hình thức.';
  if (f.validFrom.trim() && !parseDateVi(f.validFrom)) e.validFrom = 'Ngày không hợp lệ; nhập dạng dd/mm/yyyy, ví dụ 01/12/2026.';
  if (f.validTo.trim() && !parseDateVi(f.validTo)) e.validTo = 'Ngày không hợp lệ; nhập dạng dd/mm/yyyy, ví dụ 31/12/2026.';
  if (!f.kind) return e;
  const unparsed = { validFrom: !!e.validFrom, validTo: !!e.validTo };
  for (const p of grantProblems(toDelegationRequest(f), delegate ?? { position: '' }, today)) {
    if (p.field === 'userId' && !delegate) continue;
    // A date typed but not readable keeps its own message (the rule would call it missing).
    if ((p.field === 'validFrom' || p.field === 'validTo') && unparsed[p.field]) continue;
    e[p.field] ??= p.reason;
  }
  return e;
}

export function toDelegationRequest(f: DelegationForm): DelegationCreateRequest {
  return {
    userId: f.userId,
    kind: f.kind as DelegationCreateRequest['kind'],
    fromPosition: f.fromPosition,
    validFrom: f.validFrom.trim() ? parseDateVi(f.validFrom) : null,
    validTo: f.validTo.trim() ? parseDateVi(f.validTo) : null,
    reportKinds: f.reportKinds.length ? f.reportKinds : null,
  };
}

/**
 * The signature block libs/workflow would derive for this delegation (the API answers the same after
 * saving): lines to show while the admin fills the form, or the reason there is none.
 */
export function previewBlock(
  user: AdminUser | undefined,
  f: DelegationForm,
  collectiveTitle: string,
  today: string,
): { lines: string[]; name: string } | { problem: string } | null {
  if (!user || !f.kind) return null;
  const delegation = delegationOf(f);
  // Judge the block on a day inside the delegation's validity (a future delegation still shows its block).
  const day = dayWithinDelegation(delegation, today);
  const d = deriveSignatureBlock({
    organisation: signingOrganisationOfHead(delegation.fromPosition, collectiveTitle),
    signer: {
      userId: user.id,
      fullName: user.fullName,
      kind: 'user',
      roles: user.roles as Role[],
      unit: user.unit?.code ?? null,
      position: user.position as PositionCode,
      fields: user.fields as FieldCode[],
      delegations: [],
    },
    delegation,
    reportKind: delegation.reportKinds?.[0] ?? 'CCHC',
    at: new Date(`${day}T12:00:00+07:00`),
  });
  return d.ok ? { lines: d.lines, name: d.name } : { problem: d.reason };
}
