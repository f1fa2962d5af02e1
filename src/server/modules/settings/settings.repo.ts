import type { Executor } from '../../db/client';

export function list(db: Executor) {
  return db.selectFrom('app_setting').selectAll().orderBy('key').execute();
}

export function find(db: Executor, key: string) {
  return db.selectFrom('app_setting').selectAll().where('key', '=', key).executeTakeFirst();
}

export function findForUpdate(db: Executor, key: string) {
  return db.selectFrom('app_setting').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
}

export function update(
  db: Executor,
  key: string,
  version: number,
  changes: { value: unknown; citation: string; confirmed: boolean; updated_at: Date; updated_by: string },
) {
  return db
    .updateTable('app_setting')
    .set({ ...changes, value: JSON.stringify(changes.value), version: version + 1 })
    .where('key', '=', key)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
