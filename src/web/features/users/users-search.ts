import { z } from 'zod';

/**
 * URL search params of /admin/users: `?q=` (part of a username or name) and `?all=true` (also
 * disabled accounts). Accepts the URL text and the router's own parsed values alike.
 */
export const UsersSearch = z.object({
  q: z.string().max(100).optional().catch(undefined),
  all: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
});
export type UsersSearch = z.infer<typeof UsersSearch>;
