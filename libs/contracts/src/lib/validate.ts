import { z } from 'zod';

/** A refused input: the field (dotted path, empty for the whole body) and why, in Vietnamese. */
export interface InputProblem {
  field: string;
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  int: 'số nguyên',
  boolean: 'có/không (true/false)',
  object: 'đối tượng JSON',
  array: 'danh sách',
  null: 'null',
};

/** Messages for issues whose schema has no message of its own. */
const vietnamese: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'thiếu trường bắt buộc' : `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `tối đa ${issue.maximum} ký tự`
        : issue.origin === 'array'
          ? `tối đa ${issue.maximum} phần tử`
          : `không được lớn hơn ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'không được để trống'
          : `tối thiểu ${issue.minimum} ký tự`
        : issue.origin === 'array'
          ? `cần ít nhất ${issue.minimum} phần tử`
          : `không được nhỏ hơn ${issue.minimum}`;
    case 'unrecognized_keys':
      return `trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return issue.format === 'uuid' ? 'phải là mã định danh hợp lệ (UUID)' : 'không đúng định dạng';
    case 'invalid_union':
      return 'không đúng dạng nào được chấp nhận';
    default:
      return 'không hợp lệ';
  }
};

function pathOf(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** The value at a path of the input, or undefined when a step is missing. */
function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Parses input against a contract schema; the first problem comes back in words a user understands. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problem: InputProblem } {
  const r = schema.safeParse(value, { error: vietnamese });
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = pathOf([...issue.path, ...(keys.length === 1 ? keys : [])]);
  // A field left out reads as left out, whatever the schema's message for a wrong type.
  const missing = issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(value, issue.path) === undefined;
  return { ok: false, problem: { field, message: missing ? 'thiếu trường bắt buộc' : issue.message } };
}

/** "Trường deadline: phải là một ngày có thật, dạng yyyy-mm-dd." */
export function problemText(p: InputProblem, where = 'Trường'): string {
  const msg = (p.message.charAt(0).toLocaleLowerCase('vi') + p.message.slice(1)).replace(/\.$/, '');
  return p.field ? `${where} ${p.field}: ${msg}.` : `Dữ liệu gửi lên: ${msg}.`;
}
