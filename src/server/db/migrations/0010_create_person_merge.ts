import { type Kysely, sql } from 'kysely';

/**
 * Merging two management files of one person, with undo. `person_merge` records each merge and
 * `person_merge_row` exactly which rows of which linked table moved, so that an undo moves those
 * rows back and nothing else.
 *
 * Moving a row means updating its `person_id` (and re-sealing its encrypted columns under the kept
 * person's data key). The linked tables were insert-only for `pcmt_app`; they now allow exactly
 * that update, and only inside a merge or undo transaction (`pcmt.person_merge = on`, set by the
 * merge service) and only between persons the actor may write. A linked table added later needs
 * the same grant and policy (see PERSON_LINKED_TABLES in person-merges.repo.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person_merge (
      id uuid PRIMARY KEY,
      kept_person_id uuid NOT NULL REFERENCES person (id),
      duplicate_person_id uuid NOT NULL REFERENCES person (id),
      reason_enc text NOT NULL,
      merged_at timestamptz NOT NULL,
      merged_by uuid REFERENCES app_user (id),
      merged_by_username text,
      undone_at timestamptz,
      undone_by uuid REFERENCES app_user (id),
      undone_by_username text,
      undo_reason_enc text,
      CHECK (kept_person_id <> duplicate_person_id)
    )
  `.execute(db);
  await sql`CREATE INDEX person_merge_kept_idx ON person_merge (kept_person_id, merged_at DESC)`.execute(db);
  await sql`CREATE INDEX person_merge_duplicate_idx ON person_merge (duplicate_person_id)`.execute(db);
  await sql`
    CREATE TABLE person_merge_row (
      merge_id uuid NOT NULL REFERENCES person_merge (id),
      table_name text NOT NULL,
      row_id uuid NOT NULL,
      PRIMARY KEY (merge_id, table_name, row_id)
    )
  `.execute(db);

  for (const table of ['person_merge', 'person_merge_row']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  const merging = sql`(SELECT coalesce(current_setting('pcmt.person_merge', true), '') = 'on')`;
  const personWrite = sql`(SELECT coalesce(current_setting('pcmt.person_write', true), '') = 'on')`;
  const area = sql`(SELECT current_setting('pcmt.area', true))`;
  // A merge is visible where both its files are (the person policies decide).
  const bothVisible = sql`(EXISTS (SELECT 1 FROM person p WHERE p.id = kept_person_id)
    AND EXISTS (SELECT 1 FROM person p WHERE p.id = duplicate_person_id))`;
  await sql`
    CREATE POLICY person_merge_read ON person_merge FOR SELECT USING ((SELECT pcmt_is_system()) OR ${bothVisible})
  `.execute(db);
  await sql`
    CREATE POLICY person_merge_insert ON person_merge FOR INSERT
      WITH CHECK ((SELECT pcmt_is_system()) OR (${merging} AND ${personWrite} AND ${bothVisible}))
  `.execute(db);
  await sql`
    CREATE POLICY person_merge_update ON person_merge FOR UPDATE
      USING ((SELECT pcmt_is_system()) OR (${merging} AND ${personWrite} AND ${bothVisible}))
      WITH CHECK ((SELECT pcmt_is_system()) OR (${merging} AND ${personWrite} AND ${bothVisible}))
  `.execute(db);
  await sql`
    CREATE POLICY person_merge_row_read ON person_merge_row FOR SELECT
      USING ((SELECT pcmt_is_system()) OR EXISTS (SELECT 1 FROM person_merge m WHERE m.id = merge_id))
  `.execute(db);
  await sql`
    CREATE POLICY person_merge_row_insert ON person_merge_row FOR INSERT
      WITH CHECK ((SELECT pcmt_is_system()) OR (${merging} AND EXISTS (SELECT 1 FROM person_merge m WHERE m.id = merge_id)))
  `.execute(db);

  // Re-pointing history rows: only in a merge or undo, only between persons the actor may write
  // (the person's commune or province is the actor's area; the person policy adds remit and minors).
  const writablePerson = sql`(SELECT pcmt_is_system()) OR (${merging} AND ${personWrite}
    AND EXISTS (SELECT 1 FROM person p WHERE p.id = person_id AND (p.province_code = ${area} OR p.unit_path = ${area})))`;
  for (const table of ['person_event', 'person_note']) {
    await sql`
      CREATE POLICY ${sql.raw(`${table}_relink`)} ON ${sql.table(table)} FOR UPDATE
        USING (${writablePerson}) WITH CHECK (${writablePerson})
    `.execute(db);
  }

  await sql`GRANT SELECT, INSERT ON person_merge, person_merge_row TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (undone_at, undone_by, undone_by_username, undo_reason_enc) ON person_merge TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (person_id) ON person_event TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (person_id, body_enc) ON person_note TO pcmt_app`.execute(db);
  // Transfers keep their own update policy (migration 0009: the two ends); a merge moves decided ones.
  await sql`GRANT UPDATE (person_id, reason_enc, to_address_enc, note_enc) ON person_transfer TO pcmt_app`.execute(db);
}
