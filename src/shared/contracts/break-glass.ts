import { z } from 'zod';
import { userText } from './common';

/**
 * Break-the-glass: emergency access to ONE record outside the user's area or remit, with a written
 * reason, for one hour, audited as its own event and listed for the user's supervisors.
 */
export const BreakGlassRecordKind = z.enum(['person', 'procedure', 'health_record', 'case']);

export const BreakGlassRequestBody = z.strictObject({
  recordKind: BreakGlassRecordKind,
  recordId: z.uuid({ error: 'field:ID' }),
  reason: userText({ min: 20, max: 1000, message: 'BREAK_GLASS_REASON' }),
});
export type BreakGlassRequestBody = z.infer<typeof BreakGlassRequestBody>;

export const BreakGlassDto = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  recordKind: BreakGlassRecordKind,
  recordId: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  reviewedBy: z.string().nullable(),
  /** The reviewer's username, for display. */
  reviewedByUsername: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type BreakGlassDto = z.infer<typeof BreakGlassDto>;

export const BreakGlassListResponse = z.object({ items: z.array(BreakGlassDto) });

export const BreakGlassReviewBody = z.strictObject({
  note: userText({ min: 2, max: 1000, message: 'REVIEW_NOTE' }),
});
