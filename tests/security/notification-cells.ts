import { sql } from 'kysely';
import { createNotifications } from '../../src/server/modules/notifications/notifications.service';
import { inScope } from '../../src/server/platform/db-scope';
import type { TestApp } from '../support/test-app';
import type { Person, World } from './fixtures';

/**
 * Matrix cells for notifications (authz-matrix.test.ts): every user has one, its title a canary
 * (made by the system scope, as jobs make them). A user lists and marks read only their own; any
 * other's id answers 404, exactly like an unknown one, and leaves it unread.
 */
export interface NotificationCell {
  actor: string;
  method: 'GET' | 'POST';
  url: string;
  allow: boolean;
  forbidden: string[];
  required?: string[];
}

export interface NotificationFixtures {
  /** Notification id per user key. */
  idOf: Record<string, string>;
  canaryOf: Record<string, string>;
}

export async function buildNotificationFixtures(t: TestApp, w: World): Promise<NotificationFixtures> {
  const people = Object.values(w.people);
  const canaryOf = Object.fromEntries(people.map((p) => [p.key, `CANARY-THONG-BAO-${p.key}-TIEUDE`]));
  await inScope(t.database.db, { kind: 'system', reason: 'test fixtures' }, (trx) =>
    createNotifications(
      trx,
      people.map((p) => ({
        userId: p.id,
        kind: 'test.canary',
        title: canaryOf[p.key] ?? '',
        link: '/work-queue',
        dedupeKey: 'authz-matrix',
      })),
    ),
  );
  const { rows } = await sql<{ id: string; user_id: string }>`
    SELECT id, user_id FROM notification WHERE dedupe_key = 'authz-matrix'`.execute(t.database.db);
  const idOf = Object.fromEntries(people.map((p) => [p.key, rows.find((r) => r.user_id === p.id)?.id ?? '']));
  return { idOf, canaryOf };
}

export function notificationMatrix(
  world: () => World,
  fixtures: () => NotificationFixtures,
): Record<string, () => NotificationCell[]> {
  const everyone = () => Object.values(world().people);
  const othersOf = (p: Person) =>
    everyone()
      .filter((o) => o !== p)
      .map((o) => fixtures().canaryOf[o.key] ?? '');
  return {
    'GET /api/notifications': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'GET' as const,
        url: '/api/notifications',
        allow: true,
        forbidden: othersOf(p),
        required: [fixtures().canaryOf[p.key] ?? ''],
      })),
    // Denied cells first: each user tries police79a's (police79a tries admin's), then marks its own.
    'POST /api/notifications/:id/read': () => [
      ...everyone().map((p) => {
        const target = p.key === 'police79a' ? 'admin' : 'police79a';
        return {
          actor: p.key,
          method: 'POST' as const,
          url: `/api/notifications/${fixtures().idOf[target]}/read`,
          allow: false,
          forbidden: [fixtures().canaryOf[target] ?? ''],
        };
      }),
      ...everyone().map((p) => ({
        actor: p.key,
        method: 'POST' as const,
        url: `/api/notifications/${fixtures().idOf[p.key]}/read`,
        allow: true,
        forbidden: othersOf(p),
        required: [fixtures().canaryOf[p.key] ?? ''],
      })),
    ],
    'POST /api/notifications/read-all': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'POST' as const,
        url: '/api/notifications/read-all',
        allow: true,
        forbidden: othersOf(p),
      })),
  };
}

/** The row-level-security-alone reads: only one's own notifications, even without the service's filter. */
export function notificationCrossScopeReads(w: World, f: NotificationFixtures, viewer: Person) {
  const others = Object.values(w.people)
    .filter((o) => o !== viewer)
    .map((o) => f.canaryOf[o.key] ?? '');
  return [{ url: '/api/notifications', forbidden: others }];
}
