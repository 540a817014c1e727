import { FIELD_CODES, POSITION_TITLES, ROLE_NAMES, UNIT_CODE_PATTERN, reportKinds, unitRoleProblem } from '@trinhky/domain';
import { z } from 'zod';
import { codeName, delegationKind, isoDate, isoDateTime, pageOf, pageParams, text, uuid } from './primitives';

const ROLES = Object.keys(ROLE_NAMES) as [string, ...string[]];
const POSITIONS = Object.keys(POSITION_TITLES) as [string, ...string[]];
const FIELDS = FIELD_CODES;

const REPORT_KINDS = reportKinds().map((k) => k.code) as [string, ...string[]];

const role = z.enum(ROLES, { error: (iss) => `vai trò không hợp lệ: ${String(iss.input)}; các vai trò: ${ROLES.join(', ')}` });
const position = z.enum(POSITIONS, {
  error: (iss) => `chức vụ không hợp lệ: ${String(iss.input)}; chọn một trong: ${Object.values(POSITION_TITLES).join(', ')}`,
});
const field = z.enum(FIELDS, { error: (iss) => `lĩnh vực không hợp lệ: ${String(iss.input)}; các lĩnh vực: ${FIELDS.join(', ')}` });
const reportKind = z.enum(REPORT_KINDS, {
  error: (iss) => `loại báo cáo không hợp lệ: ${String(iss.input)}; các loại: ${REPORT_KINDS.join(', ')}`,
});

/** A strict object whose refused key gets its own reason (a key that may not change, rather than an unknown one). */
const fixedKey =
  (key: string, reason: string) =>
  (iss: { code?: string; keys?: string[] }): string | undefined =>
    iss.code === 'unrecognized_keys' && iss.keys?.includes(key) ? reason : undefined;

/** An organisation's unit code (its own: a commune's VP, KT, VHXH, HCC; a Sở's VP, CCHC, TCBC, …). */
export const unitCode = z
  .string({ error: 'phải là chữ' })
  .trim()
  .toUpperCase()
  .regex(UNIT_CODE_PATTERN, { error: 'mã đơn vị gồm chữ in hoa không dấu, số hoặc dấu gạch dưới (2–16 ký tự), ví dụ "TP"' });

const name = (max: number) => text(max, 2).transform((s) => s.trim());

export const unitCreateRequest = z.strictObject({ code: unitCode, name: name(200) });
export const unitUpdateRequest = z.strictObject(
  { name: name(200) },
  { error: fixedKey('code', 'mã đơn vị không đổi được vì người dùng và báo cáo đang dùng mã này; chỉ đổi được tên') },
);
export const adminUnit = z.object({ id: z.string(), code: z.string(), name: z.string(), userCount: z.int() });

const username = z
  .string({ error: 'phải là chữ' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
    error: 'tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (3–50 ký tự), ví dụ "tp.cv"',
  });
const password = z
  .string({ error: 'phải là chữ' })
  .min(8, { error: 'mật khẩu phải có ít nhất 8 ký tự' })
  .max(200, { error: 'mật khẩu dài quá 200 ký tự' });

const userFields = {
  fullName: name(120),
  password,
  position,
  unitCode: unitCode.nullable(),
  roles: z
    .array(role)
    .min(1, { error: 'vui lòng chọn ít nhất một vai trò' })
    .max(ROLES.length * 2)
    .transform((r) => [...new Set(r)]),
  fields: z
    .array(field)
    .max(FIELDS.length * 2)
    .transform((f) => [...new Set(f)]),
  active: z.boolean({ error: 'phải là có hoặc không (true/false)' }),
};

export const userCreateRequest = z
  .strictObject({
    username,
    ...userFields,
    unitCode: userFields.unitCode.optional(),
    fields: userFields.fields.optional(),
    active: userFields.active.optional(),
  })
  .check((ctx) => {
    // Department roles need a department (libs/domain's rule; an edit is judged by the API on the merged user).
    const problem = Array.isArray(ctx.value.roles) ? unitRoleProblem(ctx.value.roles, ctx.value.unitCode) : null;
    if (problem) ctx.issues.push({ code: 'custom', path: ['unitCode'], message: problem, input: ctx.value.unitCode });
  });
export const userUpdateRequest = z
  .strictObject(
    {
      fullName: userFields.fullName.optional(),
      password: userFields.password.optional(),
      position: userFields.position.optional(),
      unitCode: userFields.unitCode.optional(),
      roles: userFields.roles.optional(),
      fields: userFields.fields.optional(),
      active: userFields.active.optional(),
    },
    { error: fixedKey('username', 'tên đăng nhập không đổi được; hãy tạo người dùng mới nếu cần') },
  )
  .refine((b) => Object.keys(b).length > 0, { error: 'không có thay đổi nào để lưu' });

export const adminUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  position: z.string(),
  positionTitle: z.string(),
  unit: codeName.nullable(),
  roles: z.array(z.string()),
  fields: z.array(z.string()),
  active: z.boolean(),
  createdAt: isoDateTime,
});

export const delegationCreateRequest = z.strictObject({
  userId: uuid,
  kind: delegationKind,
  fromPosition: position.optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  reportKinds: z.array(reportKind).max(50).nullable().optional(),
});

export const adminDelegation = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), username: z.string(), fullName: z.string(), positionTitle: z.string() }),
  kind: delegationKind,
  fromPosition: z.string(),
  fromPositionTitle: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  reportKinds: z.array(z.string()).nullable(),
  createdAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  /** Usable to sign today (Vietnam date), as libs/workflow judges it. */
  validNow: z.boolean(),
  reasonNotValid: z.string().nullable(),
  signatureBlock: z.object({ lines: z.array(z.string()), name: z.string() }).nullable(),
  signatureBlockProblem: z.string().nullable(),
});

export const policyView = z.object({ code: z.string(), name: z.string(), description: z.string() });
/** Which of the organisation's units drafts a part of the kind's template under the policy (Phân công soạn thảo). */
export const partAssignment = z.object({ code: z.string(), title: z.string(), unit: codeName });
export const routingPolicyView = z.object({
  reportKind: z.string(),
  reportKindName: z.string(),
  policy: policyView,
  isDefault: z.boolean(),
  /** The unit that compiles (one of the organisation's). */
  compilingUnit: codeName,
  /** Each part of the kind's template and the unit that drafts it. */
  parts: z.array(partAssignment),
  /** Units the policy needs that the organisation lacks (reports of the kind cannot be opened until fixed). */
  problems: z.array(z.string()),
});
/** The organisation's own assignment: the compiling unit and the drafting unit of each part (part code → unit code). */
export const policyUnitsRequest = z.strictObject({
  compilingUnit: unitCode,
  parts: z.record(z.string().min(1).max(20), unitCode).refine((r) => Object.keys(r).length <= 60, { error: 'quá nhiều phần (tối đa 60)' }),
});
export const policyChoiceRequest = z.strictObject({ policyCode: text(40, 1) });

const vocabularyItem = z.object({ code: z.string(), name: z.string() });
export const adminOrganisation = z.object({
  organisation: z.object({
    id: z.string(),
    name: z.string(),
    issuerName: z.string(),
    place: z.string(),
    collectiveTitle: z.string(),
    /** Mã định danh for edXML (null until the admin sets it). */
    agencyCode: z.string().nullable(),
  }),
  units: z.array(adminUnit),
  users: z.array(adminUser),
  delegations: z.array(adminDelegation),
  routingPolicies: z.array(routingPolicyView),
  availablePolicies: z.array(policyView),
  vocabulary: z.object({
    positions: z.array(z.object({ code: z.string(), title: z.string() })),
    roles: z.array(vocabularyItem),
    fields: z.array(vocabularyItem),
    delegationKinds: z.array(vocabularyItem),
    reportKinds: z.array(vocabularyItem),
  }),
  today: z.string(),
});

/** A page of the admin log, newest first (`limit` ≤ 200, default 50). */
export const adminLogQuery = z.strictObject({ ...pageParams });
export const adminLogEntry = z.object({
  id: z.string(),
  at: isoDateTime,
  actor: z.string(),
  action: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
});
/** One page of the admin log; `total` counts every entry of the organisation. */
export const adminLogPage = pageOf(adminLogEntry);
