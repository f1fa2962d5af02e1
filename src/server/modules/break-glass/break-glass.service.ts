import type { BreakGlassDto, BreakGlassRequestBody } from '@shared/contracts/break-glass';
import { hasPermission } from '@shared/permissions';
import type { Executor } from '../../db/client';
import { auditCall, requirePermission, scopeOf } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';

/** One record, one hour (ACCESS-PRINCIPLES.md: break-the-glass). */
export const BREAK_GLASS_VALID_MS = 60 * 60 * 1000;

type GrantRow = {
  id: string;
  user_id: string;
  username: string;
  record_kind: string;
  record_id: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  reviewed_by: string | null;
  reviewer_username: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
};

function present(row: GrantRow, now: Date): BreakGlassDto {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    recordKind: row.record_kind as BreakGlassDto['recordKind'],
    recordId: row.record_id,
    reason: row.reason,
    grantedAt: row.granted_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    active: row.expires_at > now,
    reviewedBy: row.reviewed_by,
    reviewedByUsername: row.reviewer_username,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewNote: row.review_note,
  };
}

function selectGrants(trx: Executor) {
  return trx
    .selectFrom('break_glass_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .leftJoin('app_user as r', 'r.id', 'g.reviewed_by')
    .selectAll('g')
    .select(['u.username', 'r.username as reviewer_username']);
}

/**
 * Opens one record outside the user's scope for one hour, with a written reason. Audited as
 * `break_glass.granted` (the reason stays in the grant, visible to the supervisors, not in the log).
 * The modules that hold personal records (issue 4 onwards) honour active grants through
 * `activeGrant`.
 */
export async function requestBreakGlass(ctx: ServiceContext, body: BreakGlassRequestBody): Promise<BreakGlassDto> {
  const actor = requirePermission(ctx, 'break_glass:request');
  const now = ctx.clock();
  return inScope(ctx.db, scopeOf(actor), async (trx) => {
    const { id } = await trx
      .insertInto('break_glass_grant')
      .values({
        user_id: actor.userId,
        user_unit_path: actor.unitPath,
        record_kind: body.recordKind,
        record_id: body.recordId,
        reason: body.reason,
        granted_at: now,
        expires_at: new Date(now.getTime() + BREAK_GLASS_VALID_MS),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCall(trx, ctx, actor, {
      action: 'break_glass.granted',
      outcome: 'success',
      recordKind: body.recordKind,
      recordId: body.recordId,
      purpose: 'break_glass',
      details: { grantId: id, reasonLength: body.reason.length },
    });
    const row = await selectGrants(trx).where('g.id', '=', id).executeTakeFirstOrThrow();
    return present(row, now);
  });
}

/** The caller's own grants, and for supervisors (provincial lead, auditor) the grants to review. */
export async function listBreakGlass(ctx: ServiceContext): Promise<BreakGlassDto[]> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED');
  if (
    ctx.enforcement !== 'database-only' &&
    !hasPermission(actor.roles, 'break_glass:request') &&
    !hasPermission(actor.roles, 'break_glass:review')
  ) {
    throw new AppError('FORBIDDEN');
  }
  const now = ctx.clock();
  return inScope(ctx.db, scopeOf(actor), async (trx) => {
    const rows = await selectGrants(trx).orderBy('g.granted_at', 'desc').limit(500).execute();
    return rows.map((row) => present(row, now));
  });
}

/** A supervisor's review of a grant (its reason and what was opened). Audited. */
export async function reviewBreakGlass(ctx: ServiceContext, id: string, note: string): Promise<BreakGlassDto> {
  const actor = requirePermission(ctx, 'break_glass:review');
  const now = ctx.clock();
  return inScope(ctx.db, scopeOf(actor), async (trx) => {
    const updated = await trx
      .updateTable('break_glass_grant')
      .set({ reviewed_by: actor.userId, reviewed_at: now, review_note: note })
      .where('id', '=', id)
      .where('user_id', '<>', actor.userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('BREAK_GLASS_NOT_FOUND');
    await auditCall(trx, ctx, actor, {
      action: 'break_glass.reviewed',
      outcome: 'success',
      recordKind: 'break_glass_grant',
      recordId: id,
    });
    return present(await selectGrants(trx).where('g.id', '=', id).executeTakeFirstOrThrow(), now);
  });
}

/** The actor's unexpired grant for this record, if any: for modules that hold personal records. */
export function activeGrant(trx: Executor, actor: Actor, recordKind: string, recordId: string, now: Date) {
  return trx
    .selectFrom('break_glass_grant')
    .select(['id', 'expires_at'])
    .where('user_id', '=', actor.userId)
    .where('record_kind', '=', recordKind)
    .where('record_id', '=', recordId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}
