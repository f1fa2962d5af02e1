/**
 * Who may do what, as data. docs/ACCESS.md shows the same matrix for people; a test renders this
 * file's matrix and fails when the two differ, so neither can drift.
 *
 * Access has two axes (shared/docs/ACCESS-PRINCIPLES.md): the AREA a role covers (the user's
 * commune, the user's province, or everything) and the REMIT of the user's agency (which kinds of
 * record its legal duties need). An officer gets the smaller of role and remit; the provincial lead
 * reads everything in the province; admin, auditor and statistics viewer have fixed, narrow rights.
 */

/** Roles a user can hold (a user usually holds one). */
export const ROLES = [
  'system_admin',
  'provincial_lead',
  'provincial_officer',
  'commune_officer',
  'facility_staff',
  'auditor',
  'statistics_viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of record the matrix speaks of. The first four hold personal data (DOMAIN.md §9). */
export const RECORD_KINDS = [
  'person', // identity and management file (hồ sơ quản lý)
  'procedure', // legal procedures: tests, decisions, rehab, post-rehab, education at commune
  'health_record', // health fields: addiction determination, substitution treatment
  'case', // drug cases, seizures, networks and their suspects
  'place', // hotspots, businesses under security conditions, commune classification
  'plan', // plans, tasks, progress reports
  'outreach', // outreach activities
  'aggregate', // indicators and reports (no names; small cells suppressed)
  'audit_event', // the audit log
  'user_account', // users, their sessions and API tokens
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const PERSONAL_KINDS: readonly RecordKind[] = ['person', 'procedure', 'health_record', 'case'];

/** How far a role reaches, from the user's own unit. */
export type Area = 'none' | 'commune' | 'province' | 'linked' | 'all';

export const ROLE_AREA: Record<Role, Area> = {
  system_admin: 'all',
  provincial_lead: 'province',
  provincial_officer: 'province',
  commune_officer: 'commune',
  // Only the persons referred to or enrolled at the user's own facility (ACCESS-PRINCIPLES.md).
  facility_staff: 'linked',
  auditor: 'all',
  statistics_viewer: 'province',
};

/** Agency kinds as stored in the `agency` table (src/shared/contracts/agencies.ts). */
export type AgencyKindName =
  | 'police'
  | 'people_committee'
  | 'health'
  | 'education'
  | 'information'
  | 'border_guard'
  | 'media'
  | 'rehab'
  | 'court'
  | 'social_affairs'
  | 'other';
export type AgencyLevelName = 'province' | 'commune' | 'facility' | 'regional';

/**
 * What an agency's duties need: `-` none, `R` read, `RW` read and write; `(L)` only records linked
 * to the agency (its patients, its cases, the dossiers filed with it). Keyed by agency kind, and by
 * `kind@level` where the commune and provincial bodies differ (a commune People's Committee decides
 * on persons; the provincial one sees aggregates only).
 */
export type Grant = '-' | 'R' | 'RW' | 'R(L)' | 'RW(L)';
type Remit = Record<Exclude<RecordKind, 'audit_event' | 'user_account'>, Grant>;

const NO_PERSONAL_DATA: Remit = {
  person: '-',
  procedure: '-',
  health_record: '-',
  case: '-',
  place: '-',
  plan: 'RW',
  outreach: 'RW',
  aggregate: 'R',
};

export const AGENCY_REMIT: Record<string, Remit> = {
  // Police: registry, procedures, dossiers, cases and places; read determination results for dossiers.
  police: {
    person: 'RW',
    procedure: 'RW',
    health_record: 'R',
    case: 'RW',
    place: 'RW',
    plan: 'RW',
    outreach: 'RW',
    aggregate: 'R',
  },
  // Commune People's Committee: reads persons of the commune, writes the chairman's decisions.
  'people_committee@commune': { ...NO_PERSONAL_DATA, person: 'R', procedure: 'RW', place: 'R' },
  // Provincial People's Committee: aggregates and maps; a named person only through break-the-glass.
  'people_committee@province': { ...NO_PERSONAL_DATA, place: 'R', outreach: 'R' },
  // Health facilities: their own referred or enrolled patients, and those patients' health fields.
  health: { ...NO_PERSONAL_DATA, person: 'R(L)', procedure: 'R(L)', health_record: 'RW(L)', outreach: 'RW' },
  // Rehab facilities: persons admitted or under interim management there.
  rehab: { ...NO_PERSONAL_DATA, person: 'R(L)', procedure: 'RW(L)', health_record: 'R(L)', outreach: '-' },
  // Border guard: suspects of the cases it detected, its cases and border hotspots.
  border_guard: { ...NO_PERSONAL_DATA, person: 'R(L)', case: 'RW(L)', place: 'RW(L)' },
  // Court liaison: the compulsory-rehab dossiers filed with its court.
  court: { ...NO_PERSONAL_DATA, person: 'R(L)', procedure: 'R(L)', plan: '-', outreach: '-', aggregate: '-' },
  education: NO_PERSONAL_DATA,
  information: NO_PERSONAL_DATA,
  media: NO_PERSONAL_DATA,
  social_affairs: NO_PERSONAL_DATA,
  other: NO_PERSONAL_DATA,
};

export function agencyRemit(kind: AgencyKindName, level: AgencyLevelName): Remit {
  const remit = AGENCY_REMIT[`${kind}@${level}`] ?? AGENCY_REMIT[kind];
  if (!remit) throw new Error(`No remit for agency kind ${kind}`);
  return remit;
}

/** The access one user has to one kind of record. */
export interface Access {
  read: boolean;
  write: boolean;
  /** Bulk export; personal kinds always need a fresh second factor (step-up). */
  export: boolean;
  /** Only records linked to the user's own facility or agency. */
  linkedOnly: boolean;
  area: Area;
}

const NONE: Access = { read: false, write: false, export: false, linkedOnly: false, area: 'none' };

function fromGrant(grant: Grant, area: Area, canExport: boolean): Access {
  if (grant === '-') return NONE;
  const linkedOnly = grant.endsWith('(L)');
  const write = grant.startsWith('RW');
  return { read: true, write, export: canExport, linkedOnly, area };
}

/**
 * The access of a role held in an agency to a kind of record. This function is the matrix; the
 * services ask it, the database policies mirror it, docs/ACCESS.md prints it.
 */
export function accessFor(role: Role, agency: { kind: AgencyKindName; level: AgencyLevelName }, kind: RecordKind): Access {
  const area = ROLE_AREA[role];
  switch (role) {
    case 'system_admin':
      // Runs the system; reads no personal data, no audit (separation of duties).
      return kind === 'user_account' ? { read: true, write: true, export: false, linkedOnly: false, area } : NONE;
    case 'auditor':
      return kind === 'audit_event' ? { read: true, write: false, export: true, linkedOnly: false, area } : NONE;
    case 'statistics_viewer':
      return kind === 'aggregate' ? { read: true, write: false, export: true, linkedOnly: false, area } : NONE;
    case 'provincial_lead':
      // Reads everything in the province; writes plans (it issues them); exports need step-up.
      if (kind === 'audit_event' || kind === 'user_account') return NONE;
      return { read: true, write: kind === 'plan', export: true, linkedOnly: false, area };
    case 'provincial_officer':
    case 'commune_officer':
    case 'facility_staff': {
      if (kind === 'audit_event' || kind === 'user_account') return NONE;
      const grant = agencyRemit(agency.kind, agency.level)[kind];
      // Facility staff see their own patients only, whatever the agency's remit says.
      const effective: Grant =
        role === 'facility_staff' && grant !== '-' && !grant.endsWith('(L)') && PERSONAL_KINDS.includes(kind)
          ? (`${grant}(L)` as Grant)
          : grant;
      return fromGrant(effective, area, role !== 'facility_staff');
    }
  }
}

/** Which agency levels a role may be held at (a commune officer sits in a commune, …). */
export const ROLE_UNIT_LEVEL: Record<Role, 'province' | 'commune' | 'any'> = {
  system_admin: 'any',
  provincial_lead: 'province',
  provincial_officer: 'province',
  commune_officer: 'commune',
  facility_staff: 'any',
  auditor: 'any',
  statistics_viewer: 'any',
};

/** Named permissions for functions that are not reads or writes of one record kind. */
export const PERMISSIONS = [
  'user:read',
  'user:manage',
  'session:revoke_any',
  'token:manage_any',
  'agency:manage',
  'audit:read',
  'audit:verify',
  'break_glass:request',
  'break_glass:review',
  // Merge two management files of one person, and undo it (docs/ACCESS.md). Needs person write access too.
  'person:merge',
  // Legal parameters and other settings stored as data (deadlines with their citation).
  'setting:manage',
  // The list of rehab, methadone and determination facilities with their capacity (issue #5).
  'facility:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: [
    'user:read',
    'user:manage',
    'session:revoke_any',
    'token:manage_any',
    'agency:manage',
    'setting:manage',
    'facility:manage',
  ],
  provincial_lead: ['break_glass:request', 'break_glass:review'],
  // Merging files is the provincial police's (ACCESS-PRINCIPLES.md: provincial police handle the
  // registry across communes); the service also requires write access to person records, so a
  // provincial officer of another agency holds the permission but cannot use it.
  // Facilities: the provincial police manage rehab since 01/03/2025 (NĐ 02/2025/NĐ-CP), within their province.
  provincial_officer: ['break_glass:request', 'person:merge', 'facility:manage'],
  commune_officer: ['break_glass:request'],
  facility_staff: [],
  auditor: ['audit:read', 'audit:verify', 'break_glass:review'],
  statistics_viewer: [],
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Cells under this count are suppressed in aggregates shown to statistics viewers. */
export const SMALL_CELL_THRESHOLD = 5;

/**
 * Minors (under 18) are visible only to the police and to the commune People's Committee that
 * decides on them (ACCESS-PRINCIPLES.md), on top of the matrix. Keys are agency kinds or kind@level.
 */
export const MINOR_ACCESS_AGENCIES: readonly string[] = ['police', 'people_committee@commune'];

export function maySeeMinors(agency: { kind: AgencyKindName; level: AgencyLevelName }): boolean {
  return MINOR_ACCESS_AGENCIES.includes(agency.kind) || MINOR_ACCESS_AGENCIES.includes(`${agency.kind}@${agency.level}`);
}
