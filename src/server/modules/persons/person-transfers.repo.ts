import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonTransferTable } from '../../db/types';

/** Transfers with the codes and names of both communes. */
function withUnits(db: Executor) {
  return db
    .selectFrom('person_transfer as t')
    .innerJoin('admin_unit as fu', 'fu.id', 't.from_unit_id')
    .innerJoin('admin_unit as tu', 'tu.id', 't.to_unit_id')
    .selectAll('t')
    .select(['fu.code as from_code', 'fu.full_name as from_full_name', 'tu.code as to_code', 'tu.full_name as to_full_name']);
}

export type TransferRow = Awaited<ReturnType<typeof findById>> & {};

export function findById(db: Executor, id: string) {
  return withUnits(db).where('t.id', '=', id).executeTakeFirst();
}

export function findByIdForUpdate(db: Executor, id: string) {
  return withUnits(db).where('t.id', '=', id).forUpdate('t').executeTakeFirst();
}

export function listByPerson(db: Executor, personId: string) {
  return withUnits(db).where('t.person_id', '=', personId).orderBy('t.requested_at', 'desc').limit(200).execute();
}

export function findPendingByPerson(db: Executor, personId: string) {
  return db
    .selectFrom('person_transfer')
    .select('id')
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function insert(db: Executor, row: Insertable<PersonTransferTable>) {
  return db.insertInto('person_transfer').values(row).execute();
}

/** Closes a pending transfer; undefined when it was no longer pending. */
export function decide(
  db: Executor,
  id: string,
  changes: {
    status: 'accepted' | 'rejected' | 'cancelled';
    decided_at: Date;
    decided_by: string;
    decided_by_username: string;
    note_enc: string | null;
  },
) {
  return db
    .updateTable('person_transfer')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

/**
 * Opens the receiving side's right to update the person, for this transaction and this transfer
 * only (the `person_update` policy of migration 0009 reads it).
 */
export async function allowAcceptance(db: Executor, transferId: string): Promise<void> {
  await sql`SELECT set_config('pcmt.transfer_accept', ${transferId}, true)`.execute(db);
}

/**
 * Pending transfers with either end in `area` (a province code or a commune path), with the
 * person's name: equalities on the partial indexes of migration 0009 drive the scan; row-level
 * security on `person` then hides what the reader may not see (minors, remit).
 */
export function listPendingInArea(db: Executor, area: string, limit: number) {
  const commune = area.includes('.');
  return withUnits(db)
    .innerJoin('person as p', 'p.id', 't.person_id')
    .select(['p.full_name', 'p.birth_year'])
    .where('t.status', '=', 'pending')
    .where('p.merged_into', 'is', null)
    .where((eb) =>
      commune
        ? eb.or([eb('t.to_unit_path', '=', area), eb('t.from_unit_path', '=', area)])
        : eb.or([eb('t.to_province_code', '=', area), eb('t.from_province_code', '=', area)]),
    )
    .orderBy('t.due_date')
    .orderBy('t.requested_at')
    .limit(limit)
    .execute();
}
