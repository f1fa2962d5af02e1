import { accessFor } from '@shared/permissions';
import type { Transaction } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/types';
import { type AuditInput, appendAuditMany } from '../../platform/audit';
import { auditActor, requireActor, scopeOf } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { areaOf, inScope } from '../../platform/db-scope';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';

/**
 * Access helpers of every person-registry service (registration, search, export, attachments,
 * transfers, merges, imports): docs/ACCESS.md, layer 1, and the audit of each person shown.
 */

/**
 * Whether one of the actor's roles, in the actor's agency, gives this access to person records
 * (row-level security then narrows it to the area, and `(L)` remits to linked persons).
 */
export function hasPersonAccess(actor: Actor, kind: 'read' | 'write'): boolean {
  return actor.roles.some((role) => {
    const access = accessFor(role, { kind: actor.agencyKind, level: actor.agencyLevel }, 'person');
    return kind === 'read' ? access.read : access.write;
  });
}

/** Layer 1: the actor must have this access to person records (403 otherwise). */
export function requirePersonAccess(ctx: ServiceContext, kind: 'read' | 'write'): Actor {
  const actor = requireActor(ctx);
  if (ctx.enforcement === 'database-only') return actor;
  if (!hasPersonAccess(actor, kind)) throw new AppError('FORBIDDEN');
  return actor;
}

/** Whether a unit path lies in an area ('*', a province code or a commune path). */
export function inArea(path: string, area: string): boolean {
  return area === '*' || path === area || path.startsWith(`${area}.`);
}

/** The area the actor's roles cover (platform/db-scope.ts). */
export function actorArea(actor: Actor): string {
  return areaOf(actor.roles, actor.unitPath);
}

/** The actor's database scope on the application's clock (grant expiry, age of minors). */
export function scoped<T>(ctx: ServiceContext, actor: Actor, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return inScope(ctx.db, scopeOf(actor), work, ctx.clock());
}

export function envelopeOf(ctx: ServiceContext): Envelope {
  if (!ctx.envelope) throw new Error('envelope encryption is not configured');
  return ctx.envelope;
}

/**
 * One audit event per person shown or written (SECURITY-RELIABILITY.md S5: each row of a list is a
 * read), all with the same details (e.g. the import they came from).
 */
export function auditPersons(
  trx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  ids: string[],
  details?: AuditInput['details'],
) {
  const who = auditActor(actor);
  return appendAuditMany(
    trx,
    ids.map((id) => ({
      actor: who,
      action,
      outcome: 'success' as const,
      recordKind: 'person',
      recordId: id,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
      ...(details ? { details } : {}),
    })),
  );
}
