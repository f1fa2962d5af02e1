import { FIELD_MESSAGES, type FieldMessageKey } from '@shared/errors';
import type { Locale } from '@shared/locale';
import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';

/** A failed request schema. The issues keep their raw form so they can be worded per request. */
export class RequestValidationError extends Error {
  constructor(readonly zodIssues: z.core.$ZodIssue[]) {
    super('Request validation failed');
  }
}

/**
 * Validates with zod and keeps the raw issues; the error handler words them in the request's
 * language. `reportInput` is needed by zod's locale messages and never leaves the server.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
  };

const LOCALE_ERRORS = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** One issue as the API shows it: a path and a message in `locale`, never the input value. */
export function describeIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.message.startsWith('field:')) {
    const key = issue.message.slice('field:'.length) as FieldMessageKey;
    if (key in FIELD_MESSAGES) return FIELD_MESSAGES[key][locale];
  }
  if (issue.code === 'custom') return issue.message;
  const worded = LOCALE_ERRORS[locale](issue as unknown as Parameters<(typeof LOCALE_ERRORS)['vi']>[0]);
  if (typeof worded === 'string') return worded;
  return worded?.message ?? issue.message;
}

/** Fastify's name for the request part → the name used in issue paths. */
export function partName(context: string | undefined): string {
  if (context === 'querystring') return 'query';
  return context ?? 'request';
}
