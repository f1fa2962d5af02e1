import type { Insertable } from 'kysely';
import type { Executor } from '../../db/client';
import type { CalendarYearTable } from '../../db/types';

export function listYears(db: Executor) {
  return db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
}

export function findYearForUpdate(db: Executor, year: number) {
  return db.selectFrom('calendar_year').selectAll().where('year', '=', year).forUpdate().executeTakeFirst();
}

export function insertYear(db: Executor, row: Insertable<CalendarYearTable>) {
  return db.insertInto('calendar_year').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateYear(
  db: Executor,
  year: number,
  version: number,
  changes: { declaration: string; document: string; updated_at: Date; updated_by: string },
) {
  return db
    .updateTable('calendar_year')
    .set({ ...changes, version: version + 1 })
    .where('year', '=', year)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
