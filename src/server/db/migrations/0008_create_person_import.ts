import { type Kysely, sql } from 'kysely';

/**
 * Bulk imports of the person registry from a spreadsheet: one row per import (a dry run or a
 * commit), with its progress and its report. The file itself is never stored, and the report
 * holds no value from it: row numbers, column keys, messages and the ids of possible duplicates.
 * Only the officer who started an import reads it (row-level security as for sessions).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person_import (
      id uuid PRIMARY KEY,
      owner_user_id uuid NOT NULL REFERENCES app_user (id),
      file_type text NOT NULL CHECK (file_type IN ('csv', 'xlsx')),
      dry_run boolean NOT NULL,
      confirm_duplicates boolean NOT NULL,
      status text NOT NULL CHECK (status IN ('validating', 'committing', 'done', 'failed')),
      total_rows integer NOT NULL CHECK (total_rows >= 0),
      processed_rows integer NOT NULL DEFAULT 0,
      valid_rows integer NOT NULL DEFAULT 0,
      error_rows integer NOT NULL DEFAULT 0,
      warning_rows integer NOT NULL DEFAULT 0,
      created_rows integer NOT NULL DEFAULT 0,
      row_errors jsonb NOT NULL DEFAULT '[]',
      row_warnings jsonb NOT NULL DEFAULT '[]',
      failure_code text,
      started_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      finished_at timestamptz,
      CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX person_import_owner_idx ON person_import (owner_user_id, started_at DESC)`.execute(db);
  await sql`ALTER TABLE person_import ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE person_import FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY person_import_own ON person_import FOR ALL
      USING ((SELECT pcmt_is_system()) OR owner_user_id = (SELECT pcmt_user_id()))
      WITH CHECK ((SELECT pcmt_is_system()) OR owner_user_id = (SELECT pcmt_user_id()))
  `.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON person_import TO pcmt_app`.execute(db);
}
