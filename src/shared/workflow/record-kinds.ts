import type { AgencyKindName, RecordKind } from '../permissions';
import type { ProcedureKind } from './types';

/**
 * Which record kind of the access matrix a procedure is (src/shared/permissions.ts): addiction
 * determination and substitution treatment are health records (DOMAIN.md §9.4(1)); every other
 * procedure is a `procedure`. Row-level security stores it on each row (migration 0015).
 */
export function recordKindOf(kind: ProcedureKind): Extract<RecordKind, 'procedure' | 'health_record'> {
  return kind === 'determination' || kind === 'ost' ? 'health_record' : 'procedure';
}

/** The procedures placed at a facility of each agency kind, and their record kind. */
const AT_FACILITY: Partial<Record<AgencyKindName, readonly ProcedureKind[]>> = {
  health: ['determination', 'ost'],
  rehab: ['voluntary_rehab', 'compulsory_rehab'],
};

export function linkedProcedureKinds(agencyKind: AgencyKindName) {
  return (AT_FACILITY[agencyKind] ?? []).map((kind) => ({ kind, recordKind: recordKindOf(kind) }));
}
