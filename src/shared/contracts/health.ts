import { z } from 'zod';

/** `GET /api/health`: the process is alive. It does not touch the database. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});

/** `GET /api/ready`: the database answers and every migration has been applied. */
export const ReadyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({
    mode: z.enum(['embedded', 'server']),
    reachable: z.boolean(),
    appliedMigrations: z.number().int(),
    pendingMigrations: z.array(z.string()),
  }),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;
