import { Classification } from '@shared/contracts/persons';
import { UnitCode } from '@shared/contracts/units';
import { z } from 'zod';

/**
 * URL search params of /persons: the filters that identify nobody (birth year, unit,
 * classification), so a filtered list can be bookmarked. The name or ID number searched for is
 * never in a URL (browser history, proxy logs): it stays in the page (PersonsPage).
 */
export const PersonsSearch = z.object({
  birthYear: z.coerce.number().int().min(1900).max(2100).optional().catch(undefined),
  unitCode: UnitCode.optional().catch(undefined),
  classification: Classification.optional().catch(undefined),
});
export type PersonsSearch = z.infer<typeof PersonsSearch>;

/** The tabs of a person's page. */
export const PersonTab = z.enum(['identity', 'file', 'transfers', 'procedures', 'documents']);
export type PersonTab = z.infer<typeof PersonTab>;

/** URL search params of /persons/$id: `?tab=file` opens the management file. */
export const PersonPageSearch = z.object({
  tab: PersonTab.optional().catch(undefined),
});
export type PersonPageSearch = z.infer<typeof PersonPageSearch>;
