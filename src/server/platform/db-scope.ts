import {
  type AgencyKindName,
  type AgencyLevelName,
  accessFor,
  maySeeMinors,
  type RecordKind,
  ROLE_AREA,
  type Role,
} from '@shared/permissions';
import { linkedProcedureKinds } from '@shared/workflow/record-kinds';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/types';

/**
 * Who a transaction works for. Row-level security reads these settings (docs/ACCESS.md):
 * `system` is for code that serves no user's data request (authentication look-ups, the CLI,
 * start-up); `user` is every request made by a logged-in user or API token.
 */
export type DbScope =
  | { kind: 'system'; reason: string }
  | {
      kind: 'user';
      userId: string;
      roles: readonly Role[];
      unitPath: string;
      agency: string;
      /** The agency's kind and level decide the remit over personal records (src/shared/permissions.ts). */
      agencyKind?: AgencyKindName;
      agencyLevel?: AgencyLevelName;
      /** Facility staff: their facility, whose linked records they see. */
      facilityId?: string | null;
    };

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
export function inScope<T>(db: Kysely<DB>, scope: DbScope, work: (trx: Transaction<DB>) => Promise<T>, now?: Date): Promise<T> {
  const settings = scope.kind === 'system' ? SYSTEM_SETTINGS : userSettings(scope);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('role', 'pcmt_app', true),
      set_config('pcmt.system', ${settings.system}, true),
      set_config('pcmt.user_id', ${settings.userId}, true),
      set_config('pcmt.roles', ${settings.roles}, true),
      set_config('pcmt.area', ${settings.area}, true),
      set_config('pcmt.agency', ${settings.agency}, true),
      set_config('pcmt.person_read', ${settings.personRead}, true),
      set_config('pcmt.person_write', ${settings.personWrite}, true),
      set_config('pcmt.minors', ${settings.minors}, true),
      set_config('pcmt.now', ${now ? now.toISOString() : ''}, true),
      set_config('pcmt.procedure_read', ${settings.procedureRead}, true),
      set_config('pcmt.procedure_write', ${settings.procedureWrite}, true),
      set_config('pcmt.health_read', ${settings.healthRead}, true),
      set_config('pcmt.health_write', ${settings.healthWrite}, true),
      set_config('pcmt.person_linked', ${settings.personLinked}, true),
      set_config('pcmt.facility', ${settings.facility}, true),
      set_config('pcmt.linked_read', ${settings.linkedRead}, true),
      set_config('pcmt.linked_write', ${settings.linkedWrite}, true),
      set_config('pcmt.plan_read', ${settings.planRead}, true),
      set_config('pcmt.plan_write', ${settings.planWrite}, true)`.execute(trx);
    return work(trx);
  });
}

const SYSTEM_SETTINGS = {
  system: 'on',
  userId: '',
  roles: '',
  area: '',
  agency: '',
  personRead: 'off',
  personWrite: 'off',
  minors: 'off',
  procedureRead: 'off',
  procedureWrite: 'off',
  healthRead: 'off',
  healthWrite: 'off',
  personLinked: 'off',
  facility: '',
  linkedRead: '',
  linkedWrite: '',
  planRead: 'off',
  planWrite: 'off',
};

const onOff = (value: boolean) => (value ? 'on' : 'off');

/** What row-level security needs to know of a user: area, and the remit over person records. */
function userSettings(scope: Extract<DbScope, { kind: 'user' }>) {
  const agency = scope.agencyKind && scope.agencyLevel ? { kind: scope.agencyKind, level: scope.agencyLevel } : null;
  // Records linked to a facility or agency `(L)` need links that exist per record; until a module
  // adds them, a linked-only remit reads no person through the area rule.
  const access = agency ? scope.roles.map((role) => accessFor(role, agency, 'person')).filter((a) => !a.linkedOnly) : [];
  const grants = (kind: RecordKind) => (agency ? scope.roles.map((role) => accessFor(role, agency, kind)) : []);
  const open = (kind: RecordKind, how: 'read' | 'write') => grants(kind).some((a) => !a.linkedOnly && a[how]);
  const linked = (kind: RecordKind, how: 'read' | 'write') => grants(kind).some((a) => a.linkedOnly && a[how]);
  const facility = scope.facilityId ?? '';
  // The procedure kinds a facility's staff reach through their facility (issue #5: health staff
  // see only their own patients' determination and methadone records).
  const linkedKinds = (how: 'read' | 'write') =>
    facility && agency
      ? linkedProcedureKinds(agency.kind)
          .filter(({ recordKind }) => linked(recordKind, how))
          .map(({ kind }) => kind)
          .join(',')
      : '';
  return {
    system: 'off',
    userId: scope.userId,
    roles: scope.roles.join(','),
    area: areaOf(scope.roles, scope.unitPath),
    agency: scope.agency,
    personRead: access.some((a) => a.read) ? 'on' : 'off',
    personWrite: access.some((a) => a.write) ? 'on' : 'off',
    minors: agency && maySeeMinors(agency) ? 'on' : 'off',
    procedureRead: onOff(open('procedure', 'read')),
    procedureWrite: onOff(open('procedure', 'write')),
    healthRead: onOff(open('health_record', 'read')),
    healthWrite: onOff(open('health_record', 'write')),
    personLinked: onOff(facility !== '' && linked('person', 'read')),
    facility,
    linkedRead: linkedKinds('read'),
    linkedWrite: linkedKinds('write'),
    // Plans are not personal data: the remit alone (no linked-only grant exists for plans).
    planRead: onOff(open('plan', 'read')),
    planWrite: onOff(open('plan', 'write')),
  };
}
