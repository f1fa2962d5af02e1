import { z } from 'zod';

/** The two hierarchies the page can show; ids of `/api/units/periods` are mapped in use-periods.ts. */
export const UnitsPeriodParam = z.enum(['current', 'pre2025']);
export type UnitsPeriodParam = z.infer<typeof UnitsPeriodParam>;

/**
 * URL search params of /units, so that a lookup can be bookmarked, reloaded or sent to a
 * colleague. A wrong value falls back to the default instead of breaking the page; `code` is
 * passed to the server as typed so that a bad code gets the server's own explanation.
 */
export const UnitsSearch = z.object({
  period: UnitsPeriodParam.default('current').catch('current'),
  q: z.string().max(100).optional().catch(undefined),
  code: z.string().max(20).optional().catch(undefined),
});
export type UnitsSearch = z.infer<typeof UnitsSearch>;
