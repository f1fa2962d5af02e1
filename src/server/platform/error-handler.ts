import { type ErrorCode, errorMessage, FIELD_MESSAGES } from '@shared/errors';
import type { Locale } from '@shared/locale';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appendAudit } from './audit';
import { auditActor } from './authz';
import { inScope } from './db-scope';
import { AppError } from './errors';
import { describeIssue, partName, RequestValidationError } from './validation';

/** Fastify's own 4xx codes, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
};

/** Errors that mean "the database is not there right now": answer 503 and let the client retry. */
function isDatabaseUnavailable(error: FastifyError & { code?: string }): boolean {
  const code = error.code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300'].includes(code) ||
    code.startsWith('08') ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(error.message ?? '')
  );
}

/**
 * The single error handler: every failure leaves as `{ code, message, issues?, requestId }` in the
 * request's language. Unknown errors are logged with the request id (code, message and stack only:
 * PostgreSQL's `detail` can quote stored values) and answered without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError & { code?: string }, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale;
    const requestId = request.id;
    if (error instanceof RequestValidationError) {
      const part = partName((error as unknown as { validationContext?: string }).validationContext);
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: errorMessage('VALIDATION_FAILED', locale),
        issues: error.zodIssues.map((issue) => ({
          path: [part, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
          message: describeIssue(issue, locale),
        })),
        requestId,
      });
    }
    if (error instanceof AppError) {
      await auditRefusal(request, error);
      return reply.status(error.status).send({
        code: error.code,
        message: errorMessage(error.code, locale, error.params),
        ...(error.issues ? { issues: error.issues } : {}),
        ...(error.extra ?? {}),
        requestId,
      });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      return reply.status(mapped === 'MALFORMED_BODY' ? 400 : (error.statusCode ?? 400)).send({
        code: mapped,
        message: errorMessage(mapped, locale),
        requestId,
      });
    }
    // Defence in depth behind the schemas: text PostgreSQL cannot store is the caller's mistake.
    if (error.code === '22021' || error.code === '22P05') {
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: errorMessage('VALIDATION_FAILED', locale),
        issues: [{ path: ['request'], message: describeFieldMessage('CONTROL_CHARACTERS', locale) }],
        requestId,
      });
    }
    // Row-level security refused a write the service let through (defence in depth): a refusal.
    if (error.code === '42501') {
      return reply.status(403).send({ code: 'FORBIDDEN', message: errorMessage('FORBIDDEN', locale), requestId });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { code: error.code, message: error.message } }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '10')
        .send({ code: 'DATABASE_UNAVAILABLE', message: errorMessage('DATABASE_UNAVAILABLE', locale), requestId });
    }
    if (error.statusCode === 403 || error.statusCode === 404) {
      const code = error.statusCode === 403 ? 'FORBIDDEN' : 'ROUTE_NOT_FOUND';
      const path = request.url.split('?')[0] ?? request.url;
      return reply
        .status(error.statusCode)
        .send({ code, message: errorMessage(code, locale, { method: request.method, path }), requestId });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: errorMessage('VALIDATION_FAILED', locale),
        issues: [{ path: ['request'], message: error.message }],
        requestId,
      });
    }
    request.log.error(
      { err: { type: error.name, code: error.code, message: error.message, stack: error.stack } },
      'unhandled error',
    );
    return reply.status(500).send({ code: 'INTERNAL', message: errorMessage('INTERNAL', locale, { requestId }), requestId });
  });
}

function describeFieldMessage(key: keyof typeof FIELD_MESSAGES, locale: Locale): string {
  return FIELD_MESSAGES[key][locale];
}

/** Refusals audited as their own events: a forbidden function, a forged write, a rejected token. */
const AUDITED_REFUSALS: Partial<Record<ErrorCode, string>> = {
  FORBIDDEN: 'access.denied',
  CSRF_INVALID: 'access.csrf_rejected',
  LOGIN_INCOMPLETE: 'access.login_incomplete',
};

async function auditRefusal(request: FastifyRequest, error: AppError): Promise<void> {
  const action = error.auditAs ? `auth.${error.auditAs}` : AUDITED_REFUSALS[error.code];
  if (!action) return;
  const actor = request.auth?.actor ?? null;
  try {
    await inScope(request.server.deps.db, { kind: 'system', reason: 'audit a refusal' }, (trx) =>
      appendAudit(trx, {
        actor: actor ? auditActor(actor) : { userId: null, username: null, roles: [], unitPath: null, agency: null },
        action,
        outcome: 'denied',
        requestId: request.id,
        ip: request.ip,
        details: { method: request.method, route: request.routeOptions.url ?? '(none)' },
      }),
    );
  } catch (auditError) {
    request.log.error({ err: { message: (auditError as Error).message } }, 'could not audit a refusal');
  }
}
