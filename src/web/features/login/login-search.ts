import { z } from 'zod';

/** `/login?next=/units?q=…`: where to return after login (checked by safeNext before use). */
export const LoginSearch = z.object({
  next: z.string().max(2000).optional().catch(undefined),
});
export type LoginSearch = z.infer<typeof LoginSearch>;
