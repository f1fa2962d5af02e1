import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { AgencyRow } from '../../db/types';

export function list(db: Executor, options: { includeInactive: boolean; today: string }): Promise<AgencyRow[]> {
  let query = db.selectFrom('agency').selectAll();
  if (!options.includeInactive) {
    query = query.where(sql<SqlBool>`(valid_to IS NULL OR valid_to >= ${options.today}::date)`);
  }
  return query.orderBy('sort_order').orderBy('code').execute();
}

export function findByCode(db: Executor, code: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agency').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insert(db: Executor, row: Omit<AgencyRow, 'created_at' | 'updated_at'>): Promise<AgencyRow> {
  return db.insertInto('agency').values(row).returningAll().executeTakeFirstOrThrow();
}

export function update(
  db: Executor,
  code: string,
  changes: Partial<Omit<AgencyRow, 'code' | 'created_at'>>,
): Promise<AgencyRow | undefined> {
  return db
    .updateTable('agency')
    .set({ ...changes, updated_at: new Date() })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirst();
}
