import { z } from 'zod';

const component = z.looseObject({ status: z.enum(['up', 'down']) });

/** GET /api/health: 200 when every dependency is up, 503 (same shape) when the database is down. */
export const health = z.looseObject({
  status: z.enum(['ok', 'degraded', 'down']),
  database: component.optional(),
  listener: component.optional(),
});
