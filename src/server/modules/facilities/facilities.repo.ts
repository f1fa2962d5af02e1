import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { FacilityTable } from '../../db/types';

export type FacilityRow = Selectable<FacilityTable>;

/**
 * Who occupies a place at a facility, derived from the procedures (never typed in): voluntary
 * rehab in progress, compulsory rehab admitted or managed there while the procedure runs, and
 * substitution treatment in progress.
 */
const OCCUPYING = sql<boolean>`(
  (pr.kind = 'voluntary_rehab' AND pr.state = 'active')
  OR (pr.kind = 'compulsory_rehab' AND pr.state = 'admitted')
  OR (pr.kind = 'compulsory_rehab' AND pr.state IN ('dossier_compiled', 'filed_with_court', 'court_accepted', 'court_decided')
      AND pr.data->>'interimMode' = 'facility')
  OR (pr.kind = 'ost' AND pr.state = 'active'))`;

/** Facilities with their occupancy; counting reads procedures the caller may not see, so callers run it as system. */
export function listFacilities(db: Executor, filter: { type?: string; id?: string }) {
  let query = db
    .selectFrom('facility as f')
    .selectAll('f')
    .select((eb) =>
      eb
        .selectFrom('procedure as pr')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('pr.facility_id', '=', 'f.id')
        .where(OCCUPYING)
        .as('occupancy'),
    )
    .orderBy('f.province_code')
    .orderBy('f.name');
  if (filter.type) query = query.where('f.type', '=', filter.type as FacilityRow['type']);
  if (filter.id) query = query.where('f.id', '=', filter.id);
  return query.execute();
}

export function findFacility(db: Executor, id: string) {
  return db.selectFrom('facility').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByCode(db: Executor, code: string) {
  return db.selectFrom('facility').select('id').where('code', '=', code).executeTakeFirst();
}

export function insertFacility(db: Executor, row: Insertable<FacilityTable>) {
  return db.insertInto('facility').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateFacility(db: Executor, id: string, version: number, values: Updateable<FacilityTable>) {
  return db
    .updateTable('facility')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
