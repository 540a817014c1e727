import { z } from 'zod';

/** One PAdES signature of a report's frozen PDF, as verified by the API (verifyPdf). */
export const pdfSignatureView = z.object({
  index: z.number().int().min(1),
  status: z.enum(['valid', 'broken', 'untrusted', 'expired']),
  /** What the panel shows (Vietnamese). */
  message: z.string(),
  signer: z.object({ commonName: z.string(), title: z.string().optional(), organisation: z.string().optional(), subject: z.string() }),
  /** Common names from the signer up to the trust anchor. */
  chain: z.array(z.string()),
  trusted: z.boolean(),
  signingTime: z.string().nullable(),
  subFilter: z.string().nullable(),
  intact: z.boolean(),
  coversWholeFile: z.boolean(),
  bytesAfter: z.number().int().min(0),
  certificateValidAtSigningTime: z.boolean(),
});

export const reportSignatures = z.object({
  /** The frozen PDF these signatures belong to; null when the report has no frozen (signed/issued) PDF yet. */
  kind: z.enum(['signed', 'issued']).nullable(),
  sha256: z.string().nullable(),
  valid: z.boolean(),
  signatures: z.array(pdfSignatureView),
});
export type ReportSignatures = z.infer<typeof reportSignatures>;
