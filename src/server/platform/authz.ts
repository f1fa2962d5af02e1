import { hasPermission, type Permission } from '@shared/permissions';
import type { Executor } from '../db/client';
import { type AuditInput, appendAudit } from './audit';
import type { Actor, ServiceContext } from './context';
import type { DbScope } from './db-scope';
import { AppError } from './errors';

/** Any logged-in user (reference data everyone reads: rule sets, the calendar); 401 otherwise. */
export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError('AUTH_REQUIRED');
  return ctx.actor;
}

/**
 * Layer 1 of access control (docs/ACCESS.md): the service checks the named permission before it
 * touches data. A role that may never call the function gets 403. With `enforcement:
 * 'database-only'` (a test switch) this check is skipped and row-level security must hold alone.
 */
export function requirePermission(ctx: ServiceContext, permission: Permission): Actor {
  const actor = requireActor(ctx);
  if (ctx.enforcement !== 'database-only' && !hasPermission(actor.roles, permission)) throw new AppError('FORBIDDEN');
  return actor;
}

/** The database scope of the request's actor (layer 2: row-level security). */
export function scopeOf(actor: Actor): DbScope {
  return {
    kind: 'user',
    userId: actor.userId,
    roles: actor.roles,
    unitPath: actor.unitPath,
    agency: actor.agencyCode,
    agencyKind: actor.agencyKind,
    agencyLevel: actor.agencyLevel,
    facilityId: actor.facilityId,
  };
}

/** Who an audit event says did it. */
export function auditActor(actor: Actor | null | undefined) {
  return actor
    ? { userId: actor.userId, username: actor.username, roles: actor.roles, unitPath: actor.unitPath, agency: actor.agencyCode }
    : { userId: null, username: 'system', roles: [], unitPath: null, agency: null };
}

/** Appends the audit event of a service call: who (the actor, or the system), from which request. */
export function auditCall(
  trx: Executor,
  ctx: ServiceContext,
  actor: Actor | null | undefined,
  event: Omit<AuditInput, 'actor' | 'requestId' | 'ip'>,
) {
  return appendAudit(trx, { actor: auditActor(actor), requestId: ctx.requestId ?? null, ip: ctx.ip ?? null, ...event });
}
