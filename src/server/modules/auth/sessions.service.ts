import type { SessionDto } from '@shared/contracts/auth';
import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit';
import { actorOfRequest } from '../../platform/authn';
import { scopeOf } from '../../platform/authz';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import { auditActorOf } from './auth.service';

function userScope(request: FastifyRequest) {
  return scopeOf(actorOfRequest(request));
}

/** The caller's own open sessions (row-level security limits the rows to the caller's anyway). */
export async function listMySessions(request: FastifyRequest): Promise<SessionDto[]> {
  const actor = actorOfRequest(request);
  const { db, clock } = request.server.deps;
  const now = clock();
  const rows = await inScope(db, userScope(request), (trx) =>
    trx
      .selectFrom('user_session')
      .selectAll()
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .execute(),
  );
  return rows.map((s) => ({
    id: s.id,
    current: s.id === actor.sessionId,
    stage: s.stage,
    createdAt: s.created_at.toISOString(),
    lastSeenAt: s.last_seen_at.toISOString(),
    expiresAt: s.expires_at.toISOString(),
    ip: s.ip,
    userAgent: s.user_agent,
  }));
}

/** Ends one of the caller's sessions; someone else's session id answers 404 like an unknown one. */
export async function revokeMySession(request: FastifyRequest, sessionId: string): Promise<'current' | 'other'> {
  const actor = actorOfRequest(request);
  const { db, clock } = request.server.deps;
  const session = request.auth?.session;
  await inScope(db, userScope(request), async (trx) => {
    const result = await trx
      .updateTable('user_session')
      .set({ revoked_at: clock(), revoked_reason: 'revoked_by_user' })
      .where('id', '=', sessionId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('SESSION_NOT_FOUND');
    await appendAudit(trx, {
      actor: session
        ? auditActorOf(session.user)
        : {
            userId: actor.userId,
            username: actor.username,
            roles: actor.roles,
            unitPath: actor.unitPath,
            agency: actor.agencyCode,
          },
      action: 'session.revoked',
      outcome: 'success',
      recordKind: 'user_session',
      recordId: sessionId,
      requestId: request.id,
      ip: request.ip,
    });
  });
  return sessionId === actor.sessionId ? 'current' : 'other';
}
