import type { ProcedureKind } from '@shared/workflow';

/**
 * Which printable drafts a procedure offers (issue #5 item 7): the management decision while
 * management is proposed or running; the violation record Mẫu 27 once a voluntary rehab violation
 * is recorded or a compulsory case stems from one; the résumé Mẫu 30 for a compulsory dossier; the
 * post-rehab completion certificate Mẫu 54 once the term has run or it is issued.
 */
export function formsAvailable(kind: ProcedureKind, state: string, data: Record<string, unknown>): string[] {
  switch (kind) {
    case 'illegal_user_management':
      return ['proposed', 'active', 'expired', 'stopped'].includes(state) ? ['management-decision'] : [];
    case 'voluntary_rehab':
      return state === 'violated' ? ['mau-27'] : [];
    case 'compulsory_rehab':
      return state === 'cancelled'
        ? []
        : data.trigger === 'art32_1' || data.trigger === 'art32_2'
          ? ['mau-30', 'mau-27']
          : ['mau-30'];
    case 'post_rehab':
      return state === 'active' || state === 'completed' ? ['mau-54'] : [];
    default:
      return [];
  }
}
