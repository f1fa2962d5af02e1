import type { UnitAncestorDto, UnitDto } from '@shared/contracts/units';

/** Tree and list label: "Phường Ba Đình (00004)". */
export function unitLabel(unit: Pick<UnitDto, 'fullName' | 'code'>): string {
  return `${unit.fullName} (${unit.code})`;
}

/**
 * The units above, nearest first, as Vietnamese addresses are written:
 * "Quận Ba Đình, Thành phố Hà Nội". The API lists them top first.
 */
export function ancestorsText(ancestors: Pick<UnitAncestorDto, 'fullName'>[]): string {
  return ancestors
    .map((ancestor) => ancestor.fullName)
    .reverse()
    .join(', ');
}
