import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { UnitKind, UnitLevel } from '@shared/contracts/units';
import { dayBefore } from '@shared/dates';
import { foldVi, searchKey, searchWords } from '@shared/text/vi';
import { PROJECT_ROOT } from '../../config';
import type { Executor } from '../client';
import type { AdminUnitSuccessionTable, NewAdminUnit } from '../types';

/**
 * Builds the administrative-unit reference data from the files in assets/vn-admin (sources and
 * licences in assets/vn-admin/README.md). Used by migration 0003; like a migration, it is not
 * edited after release: a later change of the unit list comes as a new data file and migration.
 */
export const VN_ADMIN_DIR = path.join(PROJECT_ROOT, 'assets', 'vn-admin');

export const PRE_2025 = 'vn-pre-2025';
export const FROM_2025 = 'vn-2025';
const REFORM_DATE = '2025-07-01';
const LAST_OLD_DAY = dayBefore(REFORM_DATE);

const PROVINCE_MERGE_BASIS = 'Sắp xếp ĐVHC cấp tỉnh năm 2025; mã theo QĐ 19/2025/QĐ-TTg và Công văn 915/CTK-CSCL';
const COMMUNE_MERGE_BASIS = 'NQ 1654–1687/NQ-UBTVQH15 (16/6/2025) về sắp xếp ĐVHC cấp xã; mã theo QĐ 19/2025/QĐ-TTg';

interface OldWard {
  Code: string;
  FullName: string;
  DistrictCode: string;
}
interface OldDistrict {
  Code: string;
  FullName: string;
  ProvinceCode: string;
  Ward: OldWard[] | null;
}
interface OldProvince {
  Code: string;
  FullName: string;
  District: OldDistrict[];
}
interface CurrentWard {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  ProvinceCode: string;
  AdministrativeUnitId: number;
}
interface CurrentProvince extends Omit<CurrentWard, 'ProvinceCode'> {
  Wards: CurrentWard[];
}
interface MergeEntry {
  old_id: string;
  name: string;
  type: 'full' | 'partial';
}
interface Merges {
  data: {
    level1_id: string;
    name: string;
    merges: MergeEntry[];
    level2s: { level2_id: string; name: string; merges: MergeEntry[] }[];
  }[];
}
interface TypeChange {
  code: string;
  level: UnitLevel;
  before: { kind: UnitKind; fullName: string; name: string };
  legalBasis: string;
}
interface ChangeFile {
  effectiveDate: string;
  changes: TypeChange[];
}

export interface SourceFiles {
  old: OldProvince[];
  current: CurrentProvince[];
  merges: Merges;
  changes: ChangeFile[];
}

export function readSourceFiles(dir = VN_ADMIN_DIR): SourceFiles {
  const json = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
  return {
    old: json('pre-2025/vn-units-2025-03-01.vn-only.min.json'),
    current: json('current/vn-units-2026.full.json'),
    merges: json('mapping-2025/merges.min.json'),
    changes: [json('changes/2026-04-30-dong-nai.json')],
  };
}

export interface DatasetRow {
  id: string;
  title_vi: string;
  title_en: string;
  valid_from: string | null;
  valid_to: string | null;
  levels: UnitLevel[];
  source: string;
  license: string;
}

export interface BuiltData {
  datasets: DatasetRow[];
  units: (NewAdminUnit & { id: string })[];
  successions: Omit<AdminUnitSuccessionTable, 'id'>[];
  /** What had to be reconciled between the sources, printed by the migration and kept in notes. */
  report: { inferredOldCommunes: string[]; altCodes: Record<string, string>; typeChanges: number };
}

// Type words in official names, longest first so "Thành phố" wins over shorter prefixes.
const TYPE_WORDS: Record<UnitLevel, [string, UnitKind][]> = {
  province: [
    ['Thành phố', 'central_city'],
    ['Tỉnh', 'province'],
  ],
  district: [
    ['Thành phố', 'provincial_city'],
    ['Thị xã', 'district_town'],
    ['Quận', 'urban_district'],
    ['Huyện', 'rural_district'],
  ],
  commune: [
    ['Thị trấn', 'township'],
    ['Phường', 'ward'],
    ['Xã', 'commune'],
    ['Đặc khu', 'special_zone'],
  ],
};

/** "Phường Phúc Xá" → kind ward, name "Phúc Xá", full name unchanged (case of the type word fixed). */
export function splitTypeWord(fullName: string, level: UnitLevel): { kind: UnitKind; name: string; fullName: string } {
  const trimmed = fullName.normalize('NFC').trim();
  for (const [word, kind] of TYPE_WORDS[level]) {
    if (trimmed.toLowerCase().startsWith(`${word.toLowerCase()} `)) {
      const name = trimmed.slice(word.length + 1).trim();
      return { kind, name, fullName: `${word} ${name}` };
    }
  }
  throw new Error(`Unknown ${level} type word in "${fullName}"`);
}

const CURRENT_KIND: Record<number, UnitKind> = {
  1: 'central_city',
  2: 'province',
  3: 'ward',
  4: 'commune',
  5: 'special_zone',
};

export function buildAdminUnitData(files: SourceFiles): BuiltData {
  const units: BuiltData['units'] = [];
  const successions: BuiltData['successions'] = [];
  const report: BuiltData['report'] = { inferredOldCommunes: [], altCodes: {}, typeChanges: 0 };

  const unit = (row: Omit<NewAdminUnit, 'id' | 'name_key' | 'search_key'>): NewAdminUnit & { id: string } => {
    const built = {
      ...row,
      id: randomUUID(),
      name_key: searchWords(row.name).join(' '),
      search_key: searchKey(`${row.full_name} ${row.name_en ?? ''}`),
    };
    units.push(built);
    return built;
  };

  // Before 01/07/2025: province → district → commune, as of 01/03/2025.
  const oldByCode = new Map<string, NewAdminUnit & { id: string }>();
  const oldCommuneDistrict: { code: string; district: string; province: string }[] = [];
  const addOld = (
    code: string,
    level: UnitLevel,
    officialName: string,
    parentPath: string | null,
    note: string | null = null,
  ) => {
    const typed = splitTypeWord(officialName, level);
    const row = unit({
      dataset_id: PRE_2025,
      code,
      level,
      kind: typed.kind,
      name: typed.name,
      full_name: typed.fullName,
      name_en: null,
      parent_code: parentPath?.split('.').at(-1) ?? null,
      path: parentPath ? `${parentPath}.${code}` : code,
      valid_from: null,
      valid_to: LAST_OLD_DAY,
      note,
    });
    oldByCode.set(code, row);
    return row;
  };
  for (const p of files.old) {
    addOld(p.Code, 'province', p.FullName, null);
    for (const d of p.District) {
      addOld(d.Code, 'district', d.FullName, p.Code);
      for (const w of d.Ward ?? []) {
        addOld(w.Code, 'commune', w.FullName, `${p.Code}.${d.Code}`);
        oldCommuneDistrict.push({ code: w.Code, district: d.Code, province: p.Code });
      }
    }
  }
  oldCommuneDistrict.sort((a, b) => a.code.localeCompare(b.code));

  // From 01/07/2025: province → commune. Units whose type changed later get one row per period.
  const typeChanges = new Map(
    files.changes.flatMap((f) => f.changes.map((c) => [c.code, { ...c, effectiveDate: f.effectiveDate }])),
  );
  const newAtReform = new Map<string, NewAdminUnit & { id: string }>();
  const addCurrent = (
    code: string,
    level: UnitLevel,
    fields: { kind: UnitKind; name: string; full_name: string; name_en: string | null; parent_code: string | null; path: string },
  ) => {
    const change = typeChanges.get(code);
    if (!change) {
      newAtReform.set(
        code,
        unit({ dataset_id: FROM_2025, code, level, ...fields, valid_from: REFORM_DATE, valid_to: null, note: null }),
      );
      return;
    }
    report.typeChanges++;
    const before = unit({
      dataset_id: FROM_2025,
      code,
      level,
      ...fields,
      kind: change.before.kind,
      name: change.before.name,
      full_name: change.before.fullName,
      valid_from: REFORM_DATE,
      valid_to: dayBefore(change.effectiveDate),
      note: null,
    });
    const after = unit({
      dataset_id: FROM_2025,
      code,
      level,
      ...fields,
      valid_from: change.effectiveDate,
      valid_to: null,
      note: `${change.before.fullName} → ${fields.full_name} từ ${change.effectiveDate} (${change.legalBasis})`,
    });
    successions.push({
      predecessor_id: before.id,
      successor_id: after.id,
      kind: 'full',
      effective_date: change.effectiveDate,
      legal_basis: change.legalBasis,
    });
    newAtReform.set(code, before);
  };
  for (const p of files.current) {
    addCurrent(p.Code, 'province', {
      kind: kindOf(p),
      name: p.Name,
      full_name: p.FullName,
      name_en: p.NameEn,
      parent_code: null,
      path: p.Code,
    });
    for (const w of p.Wards) {
      const fixed = splitTypeWord(w.FullName, 'commune');
      addCurrent(w.Code, 'commune', {
        kind: kindOf(w),
        name: w.Name,
        full_name: fixed.fullName,
        name_en: w.NameEn,
        parent_code: p.Code,
        path: `${p.Code}.${w.Code}`,
      });
    }
  }

  // 01/07/2025 mapping: old provinces and communes (and five island districts) → new units.
  for (const l1 of files.merges.data) {
    const newProvince = mustGet(newAtReform, l1.level1_id, 'new province');
    for (const m of l1.merges) {
      successions.push({
        predecessor_id: mustGet(oldByCode, m.old_id, 'old province').id,
        successor_id: newProvince.id,
        kind: m.type,
        effective_date: REFORM_DATE,
        legal_basis: PROVINCE_MERGE_BASIS,
      });
    }
    for (const l2 of l1.level2s) {
      const target = newAtReform.get(l2.level2_id) ?? findByName(units, l1.level1_id, l2.name);
      if (target.code !== l2.level2_id) {
        // The GSO letter 1027/CTK-CSCL and the NSO list disagree on this code; keep both.
        report.altCodes[target.code] = l2.level2_id;
        target.alt_codes = [...(target.alt_codes ?? []), l2.level2_id];
        target.note = `Mã ${l2.level2_id} theo Công văn 1027/CTK-CSCL; mã ${target.code} theo danh mục NSO 2026`;
      }
      for (const m of l2.merges) {
        const old = oldByCode.get(m.old_id) ?? inferOldCommune(m, oldCommuneDistrict, addOld, report);
        successions.push({
          predecessor_id: old.id,
          successor_id: target.id,
          kind: m.type,
          effective_date: REFORM_DATE,
          legal_basis: COMMUNE_MERGE_BASIS,
        });
      }
    }
  }

  const datasets: DatasetRow[] = [
    {
      id: PRE_2025,
      title_vi: 'Trước 01/07/2025: 63 tỉnh, 696 huyện, 10.035 xã (danh mục ngày 01/03/2025)',
      title_en: 'Before 1 July 2025: 63 provinces, 696 districts, 10,035 communes (list of 1 March 2025)',
      valid_from: null,
      valid_to: LAST_OLD_DAY,
      levels: ['province', 'district', 'commune'],
      source: 'thanglequoc/vietnamese-provinces-database v2.4.1 (fc33b741); dvhcvn/20250701 (dd94887c)',
      license: 'MIT',
    },
    {
      id: FROM_2025,
      title_vi: 'Từ 01/07/2025: 34 tỉnh, 3.321 xã (QĐ 19/2025/QĐ-TTg)',
      title_en: 'From 1 July 2025: 34 provinces, 3,321 communes (Decision 19/2025/QĐ-TTg)',
      valid_from: REFORM_DATE,
      valid_to: null,
      levels: ['province', 'commune'],
      source: 'thanglequoc/vietnamese-provinces-database v4.2.0 (cd580632)',
      license: 'MIT',
    },
  ];
  return { datasets, units, successions, report };
}

function kindOf(u: { AdministrativeUnitId: number }): UnitKind {
  const kind = CURRENT_KIND[u.AdministrativeUnitId];
  if (!kind) throw new Error(`Unknown AdministrativeUnitId ${u.AdministrativeUnitId}`);
  return kind;
}

function mustGet<T>(map: Map<string, T>, code: string, what: string): T {
  const found = map.get(code);
  if (!found) throw new Error(`Reference data: ${what} ${code} not found`);
  return found;
}

function findByName(units: BuiltData['units'], provinceCode: string, fullName: string): NewAdminUnit & { id: string } {
  const wanted = foldVi(fullName);
  const found = units.find(
    (u) => u.dataset_id === FROM_2025 && u.parent_code === provinceCode && u.valid_to === null && foldVi(u.full_name) === wanted,
  );
  if (!found) throw new Error(`Reference data: new unit "${fullName}" in province ${provinceCode} not found`);
  return found;
}

/**
 * The mapping names twelve old communes that the 01/03/2025 list lacks (the sources disagree by
 * exactly this many). GSO numbers communes in district order, so the district is inferred from
 * the neighbouring codes and the row says so in its note.
 */
function inferOldCommune(
  entry: MergeEntry,
  sorted: { code: string; district: string; province: string }[],
  addOld: (
    code: string,
    level: UnitLevel,
    officialName: string,
    parentPath: string,
    note: string,
  ) => NewAdminUnit & { id: string },
  report: BuiltData['report'],
): NewAdminUnit & { id: string } {
  if (!/^\d{5}$/.test(entry.old_id)) throw new Error(`Reference data: old unit ${entry.old_id} not found`);
  const before = sorted.findLast((c) => c.code < entry.old_id);
  if (!before) throw new Error(`Reference data: cannot place old commune ${entry.old_id}`);
  const row = addOld(
    entry.old_id,
    'commune',
    entry.name,
    `${before.province}.${before.district}`,
    'Có trong bảng chuyển đổi 2025 nhưng không có trong danh mục 01/03/2025; huyện suy ra từ thứ tự mã',
  );
  sorted.push({ code: entry.old_id, district: before.district, province: before.province });
  sorted.sort((a, b) => a.code.localeCompare(b.code));
  report.inferredOldCommunes.push(entry.old_id);
  return row;
}

/** Inserts the built data in batches; runs inside the migration's transaction. */
export async function insertAdminUnitData(db: Executor, data: BuiltData): Promise<void> {
  for (const d of data.datasets) {
    await db.insertInto('admin_unit_dataset').values(d).execute();
  }
  for (let i = 0; i < data.units.length; i += 1000) {
    await db
      .insertInto('admin_unit')
      .values(data.units.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < data.successions.length; i += 2000) {
    await db
      .insertInto('admin_unit_succession')
      .values(data.successions.slice(i, i + 2000))
      .execute();
  }
}
