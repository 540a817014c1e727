import { z } from 'zod';
import { isoDateTime, pageOf, pageParams } from './primitives';

export const auditEntry = z.object({
  id: z.string(),
  seq: z.int(),
  at: isoDateTime,
  actor: z.object({ id: z.string().nullable(), name: z.string(), position: z.string().nullable() }),
  event: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  sectionId: z.string().nullable(),
  comment: z.string().nullable(),
  summary: z.string(),
  contentHash: z.string().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string(),
});

/** A page of one report's chain, newest first (`total`: every entry of the chain). */
export const auditQuery = z.strictObject({ ...pageParams });
export const auditPage = pageOf(auditEntry);

export const chainCheck = z.looseObject({
  ok: z.boolean(),
  entries: z.int(),
  firstBrokenEntryId: z.string().nullable().optional(),
  /** Why the chain is broken, in Vietnamese. */
  reason: z.string().optional(),
});

export const organisationCheck = z.looseObject({
  ok: z.boolean(),
  reports: z.int(),
  problems: z.array(z.looseObject({ reportId: z.string(), reason: z.string(), firstBrokenEntryId: z.string().optional() })),
});
