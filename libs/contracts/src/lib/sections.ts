import { z } from 'zod';
import { sectionContent } from './content';
import { partFigures, sectionFigures } from './figures';
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
  /** The part's indicators and figures (issue 11); null when the part has none. */
  figures: sectionFigures.nullable().optional(),
  revisions: z.array(revisionInfo),
});

export const revisionDetail = revisionInfo.extend({ content: sectionContent, figures: partFigures.nullable().optional() });

/** JSON body of PUT …/content; a text/plain body (one paragraph per line) is appended instead. */
export const saveContentRequest = z.strictObject({
  /** The revision the edit started from (null for the first); 409 when it is no longer current. */
  baseRevisionId: uuid.nullable(),
  content: sectionContent,
  /** The part's figures; left out, the current revision's figures are kept. */
  figures: partFigures.optional(),
});
export const saveContentText = text(1_000_000);

export const saveContentResult = z.object({ revisionId: z.string(), number: z.int() });

export const saveConflict = z.object({
  statusCode: z.literal(409),
  message: z.string(),
  current: z.object({ revisionId: z.string(), content: sectionContent, author: z.string().nullable(), createdAt: isoDateTime }),
});
