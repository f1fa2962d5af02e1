import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { NotificationTable } from '../../db/types';

export async function insertMany(db: Executor, rows: Insertable<NotificationTable>[]): Promise<number> {
  let inserted = 0;
  // Well under PostgreSQL's 65,535 bind parameters per statement.
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const result = await db
      .insertInto('notification')
      .values(chunk)
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    inserted += result.length;
  }
  return inserted;
}

const LISTED = ['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'] as const;

export function listOwn(db: Executor, userId: string, input: { unreadOnly: boolean; limit: number }) {
  let query = db.selectFrom('notification').select(LISTED).where('user_id', '=', userId);
  if (input.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks one of the user's notifications read (keeping the first time it was). */
export function markRead(db: Executor, userId: string, id: string, now: Date) {
  return db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning(LISTED)
    .executeTakeFirst();
}

export async function markAllRead(db: Executor, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// The e-mail outbox (system scope).

/** No SMTP server: no pending e-mail will be sent (nor sent later, when one is configured). */
export async function skipAllPendingMail(db: Executor, now: Date): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ mail_state: 'skipped', mail_state_at: now })
    .where('mail_state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Pending e-mails that will not be sent: older than `createdBefore`, or to a user without address or disabled. */
export async function skipUndeliverableMail(db: Executor, input: { now: Date; createdBefore: Date }): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ mail_state: 'skipped', mail_state_at: input.now })
    .where('mail_state', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('created_at', '<', input.createdBefore),
        eb(
          'user_id',
          'in',
          eb
            .selectFrom('app_user')
            .select('id')
            .where((u) => u.or([u('email', 'is', null), u('disabled_at', 'is not', null)])),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** E-mails left `sending` by a process that died, after their last attempt: failed for good. */
export async function failAbandonedMail(db: Executor, input: { now: Date; claimedBefore: Date; maxAttempts: number }) {
  const result = await db
    .updateTable('notification')
    .set({ mail_state: 'failed', mail_state_at: input.now })
    .where('mail_state', '=', 'sending')
    .where('mail_state_at', '<', input.claimedBefore)
    .where('mail_attempts', '>=', input.maxAttempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Claims a batch of e-mails to send (pending ones, and `sending` ones abandoned for longer than
 * `claimedBefore`): `SKIP LOCKED`, so two processes never claim the same one.
 */
export function claimMail(db: Executor, input: { now: Date; claimedBefore: Date; maxAttempts: number; limit: number }) {
  return db
    .updateTable('notification')
    .set((eb) => ({ mail_state: 'sending', mail_attempts: eb('mail_attempts', '+', 1), mail_state_at: input.now }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notification')
        .select('id')
        .where((w) =>
          w.or([
            w('mail_state', '=', 'pending'),
            w.and([w('mail_state', '=', 'sending'), w('mail_state_at', '<', input.claimedBefore)]),
          ]),
        )
        .where('mail_attempts', '<', input.maxAttempts)
        .orderBy('created_at')
        .limit(input.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'user_id', 'title', 'link', 'mail_attempts'])
    .execute();
}

export function mailAddresses(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('id', 'in', userIds)
    .where('email', 'is not', null)
    .where('disabled_at', 'is', null)
    .execute();
}

export async function setMailState(
  db: Executor,
  ids: string[],
  state: 'sent' | 'failed' | 'pending' | 'skipped',
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notification')
    .set({ mail_state: state, mail_state_at: now })
    .where('id', 'in', ids)
    .where('mail_state', '=', 'sending')
    .execute();
}
