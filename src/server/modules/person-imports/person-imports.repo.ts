import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonEventTable, PersonImportTable, PersonTable } from '../../db/types';

export function insertJob(db: Executor, row: Insertable<PersonImportTable>) {
  return db.insertInto('person_import').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateJob(db: Executor, id: string, changes: Updateable<PersonImportTable>) {
  return db.updateTable('person_import').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export interface ReportPage {
  errorsFrom: number;
  warningsFrom: number;
  limit: number;
}

/** One slice of a stored list, cut in the database (a report can hold a line per row of a big file). */
function slice(list: 'row_errors' | 'row_warnings', from: number, limit: number) {
  return sql<unknown[]>`(SELECT coalesce(jsonb_agg(x.e ORDER BY x.o), '[]'::jsonb)
    FROM jsonb_array_elements(${sql.ref(list)}) WITH ORDINALITY AS x(e, o) WHERE x.o > ${from} AND x.o <= ${from + limit})`;
}

/** A job with one page of its report and the size of each list. */
export function findJobPage(db: Executor, id: string, page: ReportPage) {
  return db
    .selectFrom('person_import')
    .select([
      'id',
      'owner_user_id',
      'file_type',
      'dry_run',
      'confirm_duplicates',
      'status',
      'total_rows',
      'processed_rows',
      'valid_rows',
      'error_rows',
      'warning_rows',
      'created_rows',
      'failure_code',
      'started_at',
      'updated_at',
      'finished_at',
      sql<number>`jsonb_array_length(row_errors)`.as('error_count'),
      sql<number>`jsonb_array_length(row_warnings)`.as('warning_count'),
      slice('row_errors', page.errorsFrom, page.limit).as('errors_page'),
      slice('row_warnings', page.warningsFrom, page.limit).as('warnings_page'),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type PersonImportPage = NonNullable<Awaited<ReturnType<typeof findJobPage>>>;

/** Communes and other units valid on `at` named by any of `codes` (primary or alternative code): one query. */
export function findUnitsByCodes(db: Executor, codes: string[], at: string) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.alt_codes', 'u.level', 'u.path'])
    .where((eb) => eb.or([eb('u.code', 'in', codes), sql<SqlBool>`u.alt_codes && ${codes}::text[]`]))
    .where(
      sql<SqlBool>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${at}::date)`,
    )
    .execute();
}

/** Files already holding any of these ID numbers (blind indexes): equalities, so the indexes serve them. */
export function findByIdNumbers(db: Executor, personalIdIndexes: string[], oldIdIndexes: string[]) {
  if (personalIdIndexes.length === 0 && oldIdIndexes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.personal_id_idx', 'p.old_id_idx'])
    .where('p.merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        sql<SqlBool>`p.personal_id_idx = ANY(${personalIdIndexes}::text[])`,
        sql<SqlBool>`p.old_id_idx = ANY(${oldIdIndexes}::text[])`,
      ]),
    )
    .execute();
}

/**
 * The registered names an import's rows may resemble: the same provinces and birth years, found by
 * equality (similar-names.ts compares them).
 */
export function listNamesByProvinceAndYear(db: Executor, provinces: string[], years: number[]) {
  if (provinces.length === 0 || years.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.name_key', 'p.birth_year', 'p.province_code'])
    .where('p.merged_into', 'is', null)
    .where(sql<SqlBool>`p.province_code = ANY(${provinces}::text[])`)
    .where(sql<SqlBool>`p.birth_year = ANY(${years}::int[])`)
    .execute();
}

/** What a possible duplicate shows: name, birth year, managing commune; nothing else. */
export function findCandidates(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person as p')
    .innerJoin('admin_unit as u', 'u.id', 'p.current_unit_id')
    .select(['p.id', 'p.full_name', 'p.birth_year', 'u.code as unit_code', 'u.full_name as unit_full_name'])
    .where(sql<SqlBool>`p.id = ANY(${ids}::uuid[])`)
    .execute();
}

/** The columns an import writes, with their SQL types (for the arrays of `insertPersons`). */
const PERSON_INSERT_COLUMNS = [
  ['id', 'uuid'],
  ['data_key', 'text'],
  ['personal_id_enc', 'text'],
  ['personal_id_idx', 'text'],
  ['old_id_enc', 'text'],
  ['old_id_idx', 'text'],
  ['full_name', 'text'],
  ['name_key', 'text'],
  ['search_key', 'text'],
  ['sort_key', 'text'],
  ['aliases', 'jsonb'],
  ['birth_date', 'date'],
  ['birth_year', 'int'],
  ['sex', 'text'],
  ['nationality', 'text'],
  ['ethnicity', 'text'],
  ['permanent_unit_id', 'uuid'],
  ['permanent_address_enc', 'text'],
  ['temporary_unit_id', 'uuid'],
  ['temporary_address_enc', 'text'],
  ['current_unit_id', 'uuid'],
  ['current_address_enc', 'text'],
  ['unit_path', 'text'],
  ['province_code', 'text'],
  ['has_stable_residence', 'boolean'],
  ['occupation', 'text'],
  ['phone_enc', 'text'],
  ['family_contacts_enc', 'text'],
  ['file_opened_at', 'timestamptz'],
  ['file_opened_by', 'uuid'],
  ['created_by', 'uuid'],
  ['updated_by', 'uuid'],
] as const satisfies readonly (readonly [keyof PersonTable, string])[];

/**
 * Persons in one statement: one array per column, unnested (32 parameters instead of 32 per row,
 * a quarter faster than a VALUES list on PostgreSQL). Row-level security checks every row against
 * the writer's scope; the name-word trigger runs once for the statement.
 */
export function insertPersons(db: Executor, rows: Insertable<PersonTable>[]) {
  const arrays = PERSON_INSERT_COLUMNS.map(([column, type]) =>
    column === 'aliases'
      ? // A list per row: unnest cannot take ragged arrays, so each row's list travels as JSON.
        sql`${rows.map((row) => JSON.stringify(row.aliases ?? []))}::jsonb[]`
      : sql`${rows.map((row) => row[column] ?? null)}::${sql.raw(`${type}[]`)}`,
  );
  const names = PERSON_INSERT_COLUMNS.map(([column]) => sql.ref(column));
  const values = PERSON_INSERT_COLUMNS.map(([column]) =>
    column === 'aliases' ? sql`ARRAY(SELECT jsonb_array_elements_text(t.aliases))` : sql.ref(`t.${column}`),
  );
  return sql`INSERT INTO person (${sql.join(names)}) SELECT ${sql.join(values)} FROM unnest(${sql.join(arrays)}) AS t(${sql.join(names)})`.execute(
    db,
  );
}

export function insertEvents(db: Executor, rows: Insertable<PersonEventTable>[]) {
  return db.insertInto('person_event').values(rows).execute();
}
