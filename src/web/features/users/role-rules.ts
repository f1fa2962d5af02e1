import { ROLE_UNIT_LEVEL, type Role } from '@shared/permissions';

/** The level of a unit from its GSO code: 2 digits province, 3 former district, 5 commune. */
export function unitLevelOfCode(code: string): 'province' | 'district' | 'commune' | null {
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{3}$/.test(code)) return 'district';
  if (/^\d{5}$/.test(code)) return 'commune';
  return null;
}

/**
 * The first role that cannot be held at this unit (a commune officer must sit in a commune, a
 * provincial officer in a province: ROLE_UNIT_LEVEL), with the level it needs. The server checks
 * the same rule (ROLE_NOT_ALLOWED_HERE); this says it before the form is sent.
 */
export function roleMisfit(
  roles: readonly Role[],
  unitCode: string | undefined,
): { role: Role; needs: 'province' | 'commune' } | null {
  if (!unitCode) return null;
  const level = unitLevelOfCode(unitCode);
  for (const role of roles) {
    const needs = ROLE_UNIT_LEVEL[role];
    if (needs !== 'any' && needs !== level) return { role, needs };
  }
  return null;
}
