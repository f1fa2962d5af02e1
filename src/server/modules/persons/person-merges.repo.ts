import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonMergeTable } from '../../db/types';

/** An encrypted column of a linked table, sealed under the person's data key as `field` of the row. */
export interface SealedColumn {
  column: string;
  field: string;
  /** A `bytea` column sealed with `Envelope.encryptBytes` (file contents) rather than text. */
  binary?: boolean;
}

/**
 * A table whose rows belong to one person through `person_id` (and have a uuid `id`). A merge moves
 * every such row of the duplicate to the kept person; sealed columns are re-encrypted under the
 * kept person's data key. The table must let `pcmt_app` update `person_id` and its sealed columns
 * inside a merge (migration 0010 does it for the tables below).
 */
export interface LinkedTable {
  table: string;
  sealed: readonly SealedColumn[];
}

/**
 * Every table linked to a person, the one list merge and undo walk. A new table with a
 * `person_id` (attachments, procedures, …) is added here, with its grant and policy in its
 * migration: `UPDATE (person_id, <sealed columns>)` for pcmt_app. Attachments, for instance:
 * `{ table: 'person_attachment', sealed: [{ column: 'file_name_enc', field: 'file_name' },
 * { column: 'content_enc', field: 'content', binary: true }] }`.
 */
export const PERSON_LINKED_TABLES: readonly LinkedTable[] = [
  { table: 'person_event', sealed: [] },
  { table: 'person_note', sealed: [{ column: 'body_enc', field: 'body' }] },
  {
    table: 'person_attachment',
    sealed: [
      { column: 'file_name_enc', field: 'file_name' },
      { column: 'content_enc', field: 'content', binary: true },
    ],
  },
  {
    table: 'person_transfer',
    sealed: [
      { column: 'reason_enc', field: 'reason' },
      { column: 'to_address_enc', field: 'to_address' },
      { column: 'note_enc', field: 'note' },
    ],
  },
  // Legal procedures (migration 0015): the procedure first, so its steps and timers stay visible.
  { table: 'procedure', sealed: [] },
  { table: 'procedure_step', sealed: [{ column: 'data_enc', field: 'data' }] },
  { table: 'procedure_deadline', sealed: [] },
  { table: 'procedure_facility_link', sealed: [] },
];

/** Opens the re-pointing of linked rows for this transaction only (policies of migration 0010). */
export async function allowMerge(db: Executor): Promise<void> {
  await sql`SELECT set_config('pcmt.person_merge', 'on', true)`.execute(db);
}

/** Both persons, merged or not, locked in id order; the update policy leaves out what the actor may not write. */
export function lockPersons(db: Executor, ids: string[]) {
  return db.selectFrom('person').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

export function hasPendingTransfer(db: Executor, personIds: string[]) {
  return db
    .selectFrom('person_transfer')
    .select('id')
    .where('person_id', 'in', personIds)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Moves rows without sealed columns; all of `from`'s, or only `ids`. Returns the ids moved. */
export async function relink(db: Executor, table: string, from: string, to: string, ids: string[] | null): Promise<string[]> {
  const only = ids ? sql`AND id = ANY(${ids}::uuid[])` : sql``;
  const result = await sql<{ id: string }>`
    UPDATE ${sql.table(table)} SET person_id = ${to} WHERE person_id = ${from} ${only} RETURNING id
  `.execute(db);
  return result.rows.map((row) => row.id);
}

/** The sealed columns of `from`'s rows (all, or only `ids`), to re-encrypt them. */
export async function sealedRows(db: Executor, table: string, columns: string[], from: string, ids: string[] | null) {
  const only = ids ? sql`AND id = ANY(${ids}::uuid[])` : sql``;
  const result = await sql<Record<string, string | Buffer | null> & { id: string }>`
    SELECT id, ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table)} WHERE person_id = ${from} ${only} ORDER BY id
  `.execute(db);
  return result.rows;
}

/** Moves one row with its re-sealed columns; false when it no longer belongs to `from`. */
export async function relinkSealed(
  db: Executor,
  table: string,
  id: string,
  from: string,
  to: string,
  values: Record<string, string | Buffer | null>,
): Promise<boolean> {
  const sets = Object.entries(values).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  const result = await sql`
    UPDATE ${sql.table(table)} SET person_id = ${to}, ${sql.join(sets)} WHERE id = ${id} AND person_id = ${from}
  `.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export function insertMerge(db: Executor, row: Insertable<PersonMergeTable>) {
  return db.insertInto('person_merge').values(row).execute();
}

export async function insertMovedRows(db: Executor, mergeId: string, table: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insertInto('person_merge_row')
    .values(ids.map((id) => ({ merge_id: mergeId, table_name: table, row_id: id })))
    .execute();
}

export function findMergeForUpdate(db: Executor, id: string) {
  return db.selectFrom('person_merge').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function movedRows(db: Executor, mergeId: string) {
  return db.selectFrom('person_merge_row').select(['table_name', 'row_id']).where('merge_id', '=', mergeId).execute();
}

export function markUndone(
  db: Executor,
  id: string,
  changes: { undone_at: Date; undone_by: string; undone_by_username: string; undo_reason_enc: string | null },
) {
  return db.updateTable('person_merge').set(changes).where('id', '=', id).where('undone_at', 'is', null).execute();
}

/** Merges into a person, newest first, with the duplicate's name and birth year. */
export function listMergesInto(db: Executor, keptId: string) {
  return db
    .selectFrom('person_merge as m')
    .innerJoin('person as d', 'd.id', 'm.duplicate_person_id')
    .selectAll('m')
    .select(['d.full_name as duplicate_full_name', 'd.birth_year as duplicate_birth_year'])
    .where('m.kept_person_id', '=', keptId)
    .orderBy('m.merged_at', 'desc')
    .limit(100)
    .execute();
}

export function findMergeWithDuplicate(db: Executor, id: string) {
  return db
    .selectFrom('person_merge as m')
    .innerJoin('person as d', 'd.id', 'm.duplicate_person_id')
    .selectAll('m')
    .select(['d.full_name as duplicate_full_name', 'd.birth_year as duplicate_birth_year'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export type MergeRow = NonNullable<Awaited<ReturnType<typeof findMergeWithDuplicate>>>;

/** Rows moved per table, for each merge. */
export async function movedCounts(db: Executor, mergeIds: string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (mergeIds.length === 0) return counts;
  const rows = await db
    .selectFrom('person_merge_row')
    .select(['merge_id', 'table_name', (eb) => eb.fn.countAll<string>().as('n')])
    .where('merge_id', 'in', mergeIds)
    .groupBy(['merge_id', 'table_name'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.merge_id) ?? {};
    entry[row.table_name] = Number(row.n);
    counts.set(row.merge_id, entry);
  }
  return counts;
}
