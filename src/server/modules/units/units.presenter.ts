import type { UnitAncestorDto, UnitDto, UnitKind } from '@shared/contracts/units';
import type { UnitRecord } from './units.repo';

export function presentUnit(row: UnitRecord): UnitDto {
  return {
    id: row.id,
    code: row.code,
    level: row.level,
    kind: row.kind as UnitKind,
    name: row.name,
    fullName: row.full_name,
    nameEn: row.name_en,
    parentCode: row.parent_code,
    path: row.path.split('.'),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    altCodes: row.alt_codes,
    childCount: row.child_count,
    note: row.note,
  };
}

export function presentAncestor(row: UnitRecord): UnitAncestorDto {
  return { code: row.code, level: row.level, kind: row.kind as UnitKind, name: row.name, fullName: row.full_name };
}
