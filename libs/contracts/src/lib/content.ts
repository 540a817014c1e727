import type { Block, SectionContent } from '@trinhky/domain';
import { z } from 'zod';
import { text } from './primitives';

/** Section content: the document model of libs/domain as a schema (strict: unknown keys are refused). */
export const run = z.strictObject({
  text: text(20_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  footnote: text(4_000).optional(),
  /** Bound to an indicator's value: `text` is a display cache; the code is checked against the report's catalogue at save time. */
  figure: z
    .strictObject({
      code: z.string().min(1).max(40),
      group: z.string().min(1).max(40).optional(),
      period: z.int().min(0).max(19).optional(),
    })
    .optional(),
});

const runs = z.array(run).max(2_000);

export const tableCell = z.strictObject({
  text: text(4_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  colSpan: z.int().min(1).max(50).optional(),
  rowSpan: z.int().min(1).max(500).optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
});

const rows = z.array(z.array(tableCell).max(60)).max(2_000);

export const paragraphBlock = z.strictObject({ type: z.literal('paragraph'), runs });
export const bulletBlock = z.strictObject({ type: z.literal('bullet'), marker: z.enum(['-', '+']), runs });
export const tableBlock = z.strictObject({
  type: z.literal('table'),
  header: rows,
  rows,
  widths: z.array(z.number().positive().max(10_000)).max(60).optional(),
  fontSize: z.number().min(6).max(20).optional(),
  legend: z.array(text(1_000)).max(50).optional(),
});

const headingLevel = z.enum(['part', 'section', 'item', 'subitem', 'point']);

/** Headings nest at most MAX_DEPTH levels; each level is its own schema, so a deeper value is refused without recursion. */
const MAX_DEPTH = 8;

/** The reason for a block of no known type (at the deepest level a heading is not allowed). */
const blockType =
  (allowed: string) =>
  (iss: { code?: string }): string | undefined =>
    iss.code === 'invalid_union' ? `loại khối phải là ${allowed}` : undefined;

function blockAt(depth: number): z.ZodType {
  const leaf = z.discriminatedUnion('type', [paragraphBlock, bulletBlock, tableBlock], {
    error: blockType('paragraph, bullet hoặc table (đề mục lồng nhau tối đa 8 cấp)'),
  });
  if (depth === 0) return leaf;
  const heading = z.strictObject({
    type: z.literal('heading'),
    level: headingLevel,
    label: text(40),
    runs,
    children: z.array(blockAt(depth - 1)).max(5_000),
  });
  return z.discriminatedUnion('type', [paragraphBlock, bulletBlock, tableBlock, heading], {
    error: blockType('paragraph, bullet, heading hoặc table'),
  });
}

/** A block of the document model, headings nested at most eight deep. */
export const block = blockAt(MAX_DEPTH) as z.ZodType<Block>;
export const sectionContent: z.ZodType<SectionContent> = z.strictObject({ blocks: z.array(block).max(5_000) });
