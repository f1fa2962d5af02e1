import { z } from 'zod';

/**
 * URL search params of /agencies: `?all=true` also lists retired agencies. The router runs
 * this schema on the URL text ('true') and again on its own output (true) when it builds links,
 * so both forms must be accepted.
 */
export const AgenciesSearch = z.object({
  all: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
});
export type AgenciesSearch = z.infer<typeof AgenciesSearch>;
