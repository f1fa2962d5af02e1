import type { PersonFacts } from '@shared/workflow';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonTable, ProcedureDeadlineTable, ProcedureStepTable, ProcedureTable } from '../../db/types';

export type ProcedureRow = Selectable<ProcedureTable>;
export type StepRow = Selectable<ProcedureStepTable>;
export type DeadlineRow = Selectable<ProcedureDeadlineTable>;

/**
 * Runs `work` with row-level security's system flag on, then restores it: for what the law makes
 * follow from a user's step (a determination opened by a positive test, the classification
 * recomputed from the whole file) and which the user's own remit would not let them write.
 */
export async function asSystem<T>(trx: Executor, work: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ was: string | null }>`SELECT current_setting('pcmt.system', true) AS was`.execute(trx);
  const was = rows[0]?.was ?? 'off';
  if (was === 'on') return work();
  await sql`SELECT set_config('pcmt.system', 'on', true)`.execute(trx);
  try {
    return await work();
  } finally {
    await sql`SELECT set_config('pcmt.system', ${was}, true)`.execute(trx);
  }
}

export function findProcedure(db: Executor, id: string) {
  return db.selectFrom('procedure').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockProcedure(db: Executor, id: string) {
  return db.selectFrom('procedure').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listForPerson(db: Executor, personId: string) {
  return db
    .selectFrom('procedure')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('opened_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function stepsOf(db: Executor, procedureIds: string[]) {
  if (procedureIds.length === 0) return Promise.resolve([] as StepRow[]);
  return db.selectFrom('procedure_step').selectAll().where('procedure_id', 'in', procedureIds).orderBy('seq').execute();
}

export function deadlinesOf(db: Executor, procedureIds: string[]) {
  if (procedureIds.length === 0) return Promise.resolve([] as DeadlineRow[]);
  return db
    .selectFrom('procedure_deadline')
    .selectAll()
    .where('procedure_id', 'in', procedureIds)
    .orderBy('created_at')
    .orderBy('timer')
    .execute();
}

export function insertProcedure(db: Executor, row: Insertable<ProcedureTable>) {
  return db.insertInto('procedure').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateProcedure(
  db: Executor,
  id: string,
  version: number,
  values: { state: string; data: string; last_on: string; facility_id: string | null; updated_at: Date },
) {
  return db
    .updateTable('procedure')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function nextSeq(db: Executor, procedureId: string): Promise<number> {
  const row = await db
    .selectFrom('procedure_step')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export function insertStep(db: Executor, row: Insertable<ProcedureStepTable>) {
  return db.insertInto('procedure_step').values(row).execute();
}

export function insertDeadlines(db: Executor, rows: Insertable<ProcedureDeadlineTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('procedure_deadline').values(rows).execute();
}

/** Marks the procedure's open timers as met (`timers`) or, when it stops running, cancelled. */
export function closeDeadlines(
  db: Executor,
  procedureId: string,
  timers: string[] | 'all',
  status: 'met' | 'cancelled',
  on: string,
) {
  let query = db
    .updateTable('procedure_deadline')
    .set({ status, closed_on: on })
    .where('procedure_id', '=', procedureId)
    .where('status', '=', 'open');
  if (timers !== 'all') {
    if (timers.length === 0) return Promise.resolve();
    query = query.where('timer', 'in', timers);
  }
  return query.execute();
}

export async function linkFacility(
  db: Executor,
  row: { id: string; procedure_id: string; person_id: string; facility_id: string },
) {
  await db
    .insertInto('procedure_facility_link')
    .values(row)
    .onConflict((oc) => oc.column('procedure_id').doUpdateSet({ facility_id: row.facility_id }))
    .execute();
}

/** Attachments of the person among `ids` (a step may cite only its own person's documents). */
export function attachmentsOfPerson(db: Executor, personId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string }[]);
  return db
    .selectFrom('person_attachment')
    .select('id')
    .where('person_id', '=', personId)
    .where('id', 'in', ids)
    .where('withdrawn_at', 'is', null)
    .execute();
}

export function setClassification(db: Executor, personId: string, classification: string, at: Date) {
  return db.updateTable('person').set({ classification, updated_at: at }).where('id', '=', personId).execute();
}

export function insertTimeline(
  db: Executor,
  row: {
    person_id: string;
    at: Date;
    kind: string;
    actor_user_id: string | null;
    actor_username: string | null;
    summary: string;
  },
) {
  return db.insertInto('person_event').values(row).execute();
}

/** What the guards and facility checks know of a person (DOMAIN.md §4.1), from its row. */
export function personFacts(person: Selectable<PersonTable>): PersonFacts {
  return {
    birthDate: person.birth_date,
    birthYear: person.birth_year,
    nationality: person.nationality,
    hasStableResidence: person.has_stable_residence,
  };
}
