import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One operation of the API: what it takes and what it answers. The API validates with it, the OpenAPI document is built from it, the web types its calls with it. */
export interface Operation {
  method: HttpMethod;
  /** Path under /api, OpenAPI style: `/reports/{id}/events`. */
  path: string;
  /** What it does, in Vietnamese (shown in /api/docs). */
  summary: string;
  tag: string;
  /** No login needed. */
  public?: true;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A `text/plain` body accepted instead of JSON. */
  textBody?: z.ZodType;
  /** The media type of `textBody` when it is not text/plain (an edXML message: application/xml). */
  textType?: string;
  /** Success status and body; `null` for no body (204). */
  status: number;
  response: z.ZodType | null;
  /** A non-JSON answer (`application/pdf`, `text/csv`, `text/event-stream`). */
  produces?: string;
  /** Error statuses it may answer besides 400/401 (they all carry `{statusCode, message}`). */
  errors?: number[];
}

export const defineOperations = <T extends Record<string, Operation>>(ops: T): T => ops;
