import type { Executor } from '../../db/client';

/** Every administrator's override (a few rows at most: only unconfirmed rules take one). */
export function listOverrides(db: Executor) {
  return db.selectFrom('rule_override').selectAll().orderBy('rule_set_id').orderBy('rule_key').execute();
}

/** One override, locked until the transaction ends (optimistic-lock check, then update). */
export function findOverrideForUpdate(db: Executor, ruleSetId: string, ruleKey: string) {
  return db
    .selectFrom('rule_override')
    .selectAll()
    .where('rule_set_id', '=', ruleSetId)
    .where('rule_key', '=', ruleKey)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts the first override of a rule; undefined when another transaction inserted it first. */
export function insertOverride(
  db: Executor,
  row: { rule_set_id: string; rule_key: string; value: unknown; citation: string; updated_at: Date; updated_by: string },
) {
  return db
    .insertInto('rule_override')
    .values({ ...row, value: JSON.stringify(row.value) })
    .onConflict((oc) => oc.columns(['rule_set_id', 'rule_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Replaces an override if it is still at `version`; undefined when someone changed it first. */
export function updateOverride(
  db: Executor,
  ruleSetId: string,
  ruleKey: string,
  version: number,
  changes: { value: unknown; citation: string; updated_at: Date; updated_by: string },
) {
  return db
    .updateTable('rule_override')
    .set({ ...changes, value: JSON.stringify(changes.value), version: version + 1 })
    .where('rule_set_id', '=', ruleSetId)
    .where('rule_key', '=', ruleKey)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
