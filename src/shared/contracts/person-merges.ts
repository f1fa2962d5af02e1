import { z } from 'zod';
import { fieldError } from '../errors';
import { userText } from './common';

/**
 * Merging two management files of one person (docs/ACCESS.md: provincial police). The kept file
 * absorbs every row linked to the duplicate (timeline, notes, transfers, …); the duplicate is
 * marked merged and no longer listed. Nothing is overwritten, and the merge can be undone.
 */
export const PersonMergeBody = z.strictObject({
  /** The file to fold into the kept one (`:id`). */
  duplicateId: z.uuid(fieldError('ID')),
  /** Version of the kept file as read (optimistic concurrency). */
  version: z.number().int().min(1),
  /** Version of the duplicate as read. */
  duplicateVersion: z.number().int().min(1),
  reason: userText({ min: 5, max: 1000, message: 'MERGE_REASON' }),
});
export type PersonMergeBody = z.infer<typeof PersonMergeBody>;

/** `POST /api/person-merges/:id/undo`. */
export const PersonMergeUndoBody = z.strictObject({
  reason: userText({ min: 0, max: 1000, message: 'MERGE_REASON' }).optional(),
});
export type PersonMergeUndoBody = z.infer<typeof PersonMergeUndoBody>;

export const PersonMergeDto = z.object({
  id: z.string(),
  keptPersonId: z.string(),
  duplicatePersonId: z.string(),
  /** The duplicate's own name and birth year (never overwritten), to recognise it. */
  duplicate: z.object({ fullName: z.string(), birthYear: z.number().int() }),
  reason: z.string(),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  /** Rows moved per linked table (`person_event`, `person_note`, …). */
  moved: z.record(z.string(), z.number().int()),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type PersonMergeDto = z.infer<typeof PersonMergeDto>;

/** `GET /api/persons/:id/merges`: the files merged into this one, newest first. */
export const PersonMergesResponse = z.object({ items: z.array(PersonMergeDto) });
export type PersonMergesResponse = z.infer<typeof PersonMergesResponse>;
