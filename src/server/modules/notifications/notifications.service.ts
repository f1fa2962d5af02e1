import { NOTIFICATION_PAGE, type NotificationDto, type NotificationListResponse } from '@shared/contracts/notifications';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { requireActor, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import * as repo from './notifications.repo';

/**
 * What one user is told. Title and body must hold no personal data (no name, ID number, address):
 * counts and unit names, e.g. "2 việc quá hạn trong xã Tân Phú". The link is an app path that
 * carries the record's id (`/persons/<id>`); opening it applies the usual access rules.
 * `dedupeKey` makes a reminder idempotent: the same key for the same user is stored once
 * (e.g. `deadline.overdue:<deadline id>`, or `digest:2026-11-24` for one a day).
 */
export const NotificationInput = z.strictObject({
  userId: z.uuid(),
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/),
  title: z.string().min(1).max(200),
  body: z.string().max(1000).default(''),
  link: z
    .string()
    .regex(/^\/[A-Za-z0-9][A-Za-z0-9/_.~?=&%-]{0,499}$/)
    .nullable()
    .default(null),
  dedupeKey: z.string().min(1).max(200),
});
export type NotificationInput = z.input<typeof NotificationInput>;

/**
 * Creates notifications inside the caller's transaction, which must be in the system scope (a job,
 * or a service's own system step): users cannot create them. One already stored for the same user
 * and `dedupeKey` is left as it is. Returns how many were added. Each new one is also queued for
 * e-mail (sent after commit by the scheduler when PCMT_SMTP_URL is set; never rolled back by it).
 */
export async function createNotifications(trx: Executor, items: NotificationInput[], now: Date = new Date()): Promise<number> {
  if (items.length === 0) return 0;
  const rows = items.map((item) => {
    const n = NotificationInput.parse(item);
    return {
      user_id: n.userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      dedupe_key: n.dedupeKey,
      created_at: now,
    };
  });
  return repo.insertMany(trx, rows);
}

type Listed = Awaited<ReturnType<typeof repo.listOwn>>[number];

function present(row: Listed): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/**
 * The caller's own notifications, newest first (at most 50), and how many are unread. Not audited:
 * they hold no personal data, and they are the caller's own.
 */
export async function listNotifications(ctx: ServiceContext, input: { unreadOnly: boolean }): Promise<NotificationListResponse> {
  const actor = requireActor(ctx);
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => ({
      items: (await repo.listOwn(trx, actor.userId, { unreadOnly: input.unreadOnly, limit: NOTIFICATION_PAGE })).map(present),
      unreadCount: await repo.countUnread(trx, actor.userId),
    }),
    ctx.clock(),
  );
}

/**
 * Marks one of the caller's notifications read. Another user's answers 404, as an unknown id does
 * (the service filters by the caller, and row-level security hides the row anyway). Not audited:
 * the read mark is the user's own display state, not a change to any record.
 */
export async function markNotificationRead(ctx: ServiceContext, id: string): Promise<NotificationDto> {
  const actor = requireActor(ctx);
  const now = ctx.clock();
  const row = await inScope(ctx.db, scopeOf(actor), (trx) => repo.markRead(trx, actor.userId, id, now), now);
  if (!row) throw new AppError('NOTIFICATION_NOT_FOUND');
  return present(row);
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllNotificationsRead(ctx: ServiceContext): Promise<{ updated: number }> {
  const actor = requireActor(ctx);
  const now = ctx.clock();
  const updated = await inScope(ctx.db, scopeOf(actor), (trx) => repo.markAllRead(trx, actor.userId, now), now);
  return { updated };
}
