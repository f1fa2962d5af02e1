import { sql } from 'kysely';
import type { Executor } from '../../db/client';

/** A user with what authentication and authorisation need: unit and agency joined in. */
export function selectUserWithScope(db: Executor) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('admin_unit as unit', 'unit.id', 'u.unit_id')
    .innerJoin('agency as a', 'a.code', 'u.agency_code')
    .selectAll('u')
    .select([
      'unit.code as unit_code',
      'unit.full_name as unit_full_name',
      'a.kind as agency_kind',
      'a.level as agency_level',
      'a.name_vi as agency_name_vi',
      'a.name_en as agency_name_en',
    ]);
}

export type UserWithScope = NonNullable<Awaited<ReturnType<ReturnType<typeof selectUserWithScope>['executeTakeFirst']>>>;

export function findUserByUsername(db: Executor, username: string) {
  return selectUserWithScope(db).where('u.username', '=', username).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return selectUserWithScope(db).where('u.id', '=', id).executeTakeFirst();
}

export function findSessionByTokenHash(db: Executor, tokenHash: string) {
  return db.selectFrom('user_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function insertSession(
  db: Executor,
  row: {
    user_id: string;
    token_hash: string;
    stage: 'setup' | 'mfa' | 'active';
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
    created_at: Date;
  },
) {
  return db
    .insertInto('user_session')
    .values({ ...row, last_seen_at: row.created_at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function revokeSession(db: Executor, sessionId: string, reason: string, at: Date) {
  return db
    .updateTable('user_session')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every open session and token of a user (disabled, or unit, agency or roles changed). */
export async function revokeAllForUser(db: Executor, userId: string, reason: string, at: Date): Promise<number> {
  const sessions = await db
    .updateTable('user_session')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await db
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return Number(sessions.numUpdatedRows);
}

export function touchSession(db: Executor, sessionId: string, at: Date) {
  return db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export function findActiveToken(db: Executor, tokenHash: string, at: Date) {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
}

export function countUsers(db: Executor) {
  return db.selectFrom('app_user').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
}
