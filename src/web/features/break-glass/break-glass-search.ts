import { z } from 'zod';

/** The two lists of the page: one's own grants, and (supervisors) the grants of others to review. */
export const BreakGlassTab = z.enum(['mine', 'review']);
export type BreakGlassTab = z.infer<typeof BreakGlassTab>;

/** URL search params of /break-glass: `?tab=review`, so a supervisor can bookmark the review list. */
export const BreakGlassSearch = z.object({
  tab: BreakGlassTab.optional().catch(undefined),
});
export type BreakGlassSearch = z.infer<typeof BreakGlassSearch>;
