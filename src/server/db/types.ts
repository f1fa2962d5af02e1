import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The Kysely view of the schema, written by hand next to the migrations that create it.
 * Dates (`date` columns) come back as ISO strings: see the type parser in client.ts.
 */
export interface DB {
  admin_unit_dataset: AdminUnitDatasetTable;
  admin_unit: AdminUnitTable;
  admin_unit_succession: AdminUnitSuccessionTable;
  agency: AgencyTable;
}

export interface AdminUnitDatasetTable {
  id: string;
  title_vi: string;
  title_en: string;
  valid_from: string | null;
  valid_to: string | null;
  levels: string[];
  source: string;
  license: string;
  loaded_at: ColumnType<Date, never, never>;
}

export interface AdminUnitTable {
  id: Generated<string>;
  dataset_id: string;
  code: string;
  level: 'province' | 'district' | 'commune';
  kind: string;
  name: string;
  full_name: string;
  name_en: string | null;
  parent_code: string | null;
  path: string;
  /** Folded short name ("ba dinh"), for exact and fuzzy matching. */
  name_key: string;
  /** Folded words of the full name and alternative names, each after a space. */
  search_key: string;
  valid_from: string | null;
  valid_to: string | null;
  alt_codes: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
}

export interface AdminUnitSuccessionTable {
  id: Generated<string>;
  predecessor_id: string;
  successor_id: string;
  kind: 'full' | 'partial';
  effective_date: string;
  legal_basis: string;
}

export interface AgencyTable {
  code: string;
  kind: string;
  level: string;
  parent_code: string | null;
  name_vi: string;
  name_en: string;
  short_name: string | null;
  description: string | null;
  sort_order: number;
  valid_from: string | null;
  valid_to: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type AdminUnitRow = Selectable<AdminUnitTable>;
export type NewAdminUnit = Insertable<AdminUnitTable>;
export type AgencyRow = Selectable<AgencyTable>;
