import { type AgencyKindName, type AgencyLevelName, accessFor, RECORD_KINDS, ROLE_AREA, type Role } from './permissions';

/** One row of the printed matrix: a role, held in one kind of agency (or in any). */
export interface MatrixRow {
  role: Role;
  agency: { kind: AgencyKindName; level: AgencyLevelName } | null;
}

const ANY_AGENCY = { kind: 'other', level: 'province' } as const;
const PROVINCIAL_AGENCIES: AgencyKindName[] = [
  'police',
  'people_committee',
  'health',
  'education',
  'information',
  'border_guard',
  'media',
  'rehab',
  'court',
  'social_affairs',
  'other',
];
const COMMUNE_AGENCIES: AgencyKindName[] = ['police', 'people_committee', 'health', 'education', 'other'];

export const MATRIX_ROWS: MatrixRow[] = [
  { role: 'system_admin', agency: null },
  { role: 'auditor', agency: null },
  { role: 'statistics_viewer', agency: null },
  { role: 'provincial_lead', agency: null },
  ...PROVINCIAL_AGENCIES.map((kind) => ({ role: 'provincial_officer' as const, agency: { kind, level: 'province' as const } })),
  ...COMMUNE_AGENCIES.map((kind) => ({ role: 'commune_officer' as const, agency: { kind, level: 'commune' as const } })),
  { role: 'facility_staff', agency: { kind: 'health', level: 'facility' } },
  { role: 'facility_staff', agency: { kind: 'rehab', level: 'facility' } },
];

/** `RWE`, `R`, `RW(L)`, `-`: read, write, export (with step-up for personal data), linked records only. */
export function cell(row: MatrixRow, kind: (typeof RECORD_KINDS)[number]): string {
  const access = accessFor(row.role, row.agency ?? ANY_AGENCY, kind);
  if (!access.read && !access.write) return '-';
  const letters = `${access.read ? 'R' : ''}${access.write ? 'W' : ''}${access.export ? 'E' : ''}`;
  return access.linkedOnly ? `${letters}(L)` : letters;
}

/** The matrix as the Markdown table docs/ACCESS.md carries between its matrix markers. */
export function renderAccessMatrix(): string {
  const header = `| role | agency | area | ${RECORD_KINDS.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(RECORD_KINDS.length + 3)}`;
  const lines = MATRIX_ROWS.map((row) => {
    const agency = row.agency ? `${row.agency.kind}@${row.agency.level}` : 'any';
    return `| ${row.role} | ${agency} | ${ROLE_AREA[row.role]} | ${RECORD_KINDS.map((k) => cell(row, k)).join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}
