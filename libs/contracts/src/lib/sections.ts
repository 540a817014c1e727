import { z } from 'zod';
import { sectionContent } from './content';
import { isoDateTime, text, uuid } from './primitives';
import { sectionSummary } from './reports';

export const revisionInfo = z.object({
  id: z.string(),
  number: z.int(),
  /** The author's full name at the time. */
  author: z.string().nullable(),
  createdAt: isoDateTime,
});

export const sectionDetail = sectionSummary.extend({
  content: sectionContent,
  revisions: z.array(revisionInfo),
});

export const revisionDetail = revisionInfo.extend({ content: sectionContent });

/** JSON body of PUT …/content; a text/plain body (one paragraph per line) is appended instead. */
export const saveContentRequest = z.strictObject({
  /** The revision the edit started from (null for the first); 409 when it is no longer current. */
  baseRevisionId: uuid.nullable(),
  content: sectionContent,
});
export const saveContentText = text(1_000_000);

export const saveContentResult = z.object({ revisionId: z.string(), number: z.int() });

export const saveConflict = z.object({
  statusCode: z.literal(409),
  message: z.string(),
  current: z.object({ revisionId: z.string(), content: sectionContent, author: z.string().nullable(), createdAt: isoDateTime }),
});
