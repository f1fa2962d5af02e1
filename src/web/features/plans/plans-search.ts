import { PlanStatus, PlanType } from '@shared/contracts/plans';
import { z } from 'zod';

/** URL search params of /plans: the filters, so that a filtered list can be bookmarked. */
export const PlansSearch = z.object({
  status: PlanStatus.optional().catch(undefined),
  type: PlanType.optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});
export type PlansSearch = z.infer<typeof PlansSearch>;

/** The tabs of a plan's page. */
export const PlanTab = z.enum(['objectives', 'tasks', 'compliance', 'source']);
export type PlanTab = z.infer<typeof PlanTab>;

/** URL search params of /plans/$planId: `?tab=compliance` opens the report follow-up. */
export const PlanPageSearch = z.object({ tab: PlanTab.optional().catch(undefined) });
export type PlanPageSearch = z.infer<typeof PlanPageSearch>;
