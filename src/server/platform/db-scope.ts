import { ROLE_AREA, type Role } from '@shared/permissions';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/types';

/**
 * Who a transaction works for. Row-level security reads these settings (docs/ACCESS.md):
 * `system` is for code that serves no user's data request (authentication look-ups, the CLI,
 * start-up); `user` is every request made by a logged-in user or API token.
 */
export type DbScope =
  | { kind: 'system'; reason: string }
  | { kind: 'user'; userId: string; roles: readonly Role[]; unitPath: string; agency: string };

/** The unit path a user's roles cover: '*' for all, the province, the commune, or '' for nothing. */
export function areaOf(roles: readonly Role[], unitPath: string): string {
  const areas = roles.map((role) => ROLE_AREA[role]);
  if (areas.includes('all')) return '*';
  if (areas.includes('province')) return unitPath.split('.')[0] ?? '';
  if (areas.includes('commune') || areas.includes('linked')) return unitPath;
  return '';
}

/**
 * Runs `work` in one transaction as `pcmt_app` (owns no table, cannot bypass row-level security),
 * with the scope in transaction-local settings. `set_config('role', …, true)` is `SET LOCAL ROLE`;
 * everything resets at commit or rollback, so nothing leaks into the next request on the connection.
 */
export function inScope<T>(db: Kysely<DB>, scope: DbScope, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const settings =
    scope.kind === 'system'
      ? { system: 'on', userId: '', roles: '', area: '', agency: '' }
      : {
          system: 'off',
          userId: scope.userId,
          roles: scope.roles.join(','),
          area: areaOf(scope.roles, scope.unitPath),
          agency: scope.agency,
        };
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('role', 'pcmt_app', true),
      set_config('pcmt.system', ${settings.system}, true),
      set_config('pcmt.user_id', ${settings.userId}, true),
      set_config('pcmt.roles', ${settings.roles}, true),
      set_config('pcmt.area', ${settings.area}, true),
      set_config('pcmt.agency', ${settings.agency}, true)`.execute(trx);
    return work(trx);
  });
}
