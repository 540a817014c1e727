import { DELEGATION_KINDS, PERIOD_KINDS, REPORT_STATES, SECTION_STATES, WORKFLOW_EVENT_TYPES, isCalendarDate } from '@trinhky/domain';
import { z } from 'zod';

/** Characters no stored text may hold: NUL and lone UTF-16 surrogates. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a user typed: no NUL or lone surrogate, NFC-normalised, at most `max` characters. */
export function text(max: number, min = 0): z.ZodPipe<z.ZodString, z.ZodTransform<string, string>> {
  return z
    .string({ error: 'phải là chữ' })
    .min(min, { error: min <= 1 ? 'không được để trống' : `tối thiểu ${min} ký tự` })
    .max(max, { error: `tối đa ${max.toLocaleString('vi-VN')} ký tự` })
    .refine((s) => !FORBIDDEN.test(s), { error: 'chứa ký tự không hợp lệ (NUL hoặc ký tự Unicode lẻ)' })
    .transform((s) => s.normalize('NFC'));
}

export const uuid = z.uuid({ error: 'phải là mã định danh hợp lệ (UUID)' });

export const isoDate = z
  .string({ error: 'phải là ngày (yyyy-mm-dd)' })
  .refine((s) => isCalendarDate(s), { error: 'phải là một ngày có thật, dạng yyyy-mm-dd' })
  .meta({ format: 'date', example: '2026-03-20' });

/** A timestamp as the API sends it (ISO 8601, UTC). */
export const isoDateTime = z.string().meta({ format: 'date-time' });

export const reportState = z.enum(REPORT_STATES);
export const sectionState = z.enum(SECTION_STATES);
export const eventType = z.enum(WORKFLOW_EVENT_TYPES, { error: 'không phải thao tác quy trình nào' });
export const delegationKind = z.enum(DELEGATION_KINDS, { error: 'hình thức ủy quyền không hợp lệ: phải là KT, TM, TL, TUQ hoặc Q' });

export const period = z.strictObject({
  kind: z.enum(PERIOD_KINDS, { error: 'loại kỳ phải là quý, 6 tháng, 9 tháng hoặc năm' }),
  year: z.int({ error: 'năm phải là số nguyên' }).min(2000, { error: 'năm không hợp lệ' }).max(2199, { error: 'năm không hợp lệ' }),
  index: z.int({ error: 'số thứ tự kỳ phải là số nguyên' }).min(1).max(4).optional(),
});

export const idName = z.object({ id: z.string(), name: z.string() });
export const codeName = z.object({ code: z.string(), name: z.string() });

/** Every error the API answers: `{statusCode, message, …}` with `message` in Vietnamese. */
export const errorBody = z.looseObject({
  statusCode: z.int(),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof errorBody>;

/**
 * Paging of every list endpoint: never a silent cap — a page (`limit` ≤ 200, default 50, and
 * `offset`) and `total`, everything that matches the filters.
 */
export const pageParams = {
  limit: z.coerce
    .number({ error: 'số dòng mỗi trang phải là số' })
    .int({ error: 'số dòng mỗi trang phải là số nguyên' })
    .min(1, { error: 'mỗi trang ít nhất 1 dòng' })
    .max(200, { error: 'mỗi trang tối đa 200 dòng' })
    .default(50),
  offset: z.coerce
    .number({ error: 'vị trí bắt đầu phải là số' })
    .int({ error: 'vị trí bắt đầu phải là số nguyên' })
    .min(0, { error: 'vị trí bắt đầu không âm' })
    .max(1_000_000, { error: 'vị trí bắt đầu tối đa 1.000.000' })
    .default(0),
};

/** One page of `item`: `total` counts everything that matches the filters, not only this page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.int(), limit: z.int(), offset: z.int() });
}
