import { z } from 'zod';
import { fieldError } from '../errors';

/**
 * Free text typed by a user: NFC-normalised, without NUL and other control characters (PostgreSQL
 * rejects NUL in text, and none of them belongs in a name or a search).
 */
export function userText(options: { min: number; max: number; message: Parameters<typeof fieldError>[0] }) {
  return z
    .string()
    .transform((text) => text.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(options.min, fieldError(options.message))
        .max(options.max, fieldError(options.message))
        // Tabs and line breaks are allowed (notes); every other control character (\p{Cc}) is not.
        .refine((text) => !/\p{Cc}/u.test(text.replace(/[\t\n\r]/g, '')), fieldError('CONTROL_CHARACTERS')),
    );
}

/** A calendar date in ISO form (`2025-07-01`); the API never uses DD/MM/YYYY. */
export const IsoDate = z.iso.date(fieldError('ISO_DATE'));

/** One field that failed validation: where it is and what is wrong, in the request's language. */
export const ErrorIssue = z.object({
  /** Path to the field, e.g. `["query", "at"]` or `["body", "name"]`. */
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** The one error body every route answers with. */
export const ErrorBody = z.object({
  /** Stable machine code from `src/shared/errors.ts`, e.g. `UNIT_NOT_FOUND`. */
  code: z.string(),
  /** Human-readable message in the request's language (Vietnamese by default). */
  message: z.string(),
  /** Field problems, present for `VALIDATION_FAILED`. */
  issues: z.array(ErrorIssue).optional(),
  /** The request id, also in the `x-request-id` header and in the server log. */
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The body of a 204 answer: none. */
export const NoContent = z.null();
