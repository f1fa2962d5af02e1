import { type Kysely, sql } from 'kysely';

/**
 * The working-day calendar's declarations, one row per year (issue #5: "admin-declared extra days
 * off and make-up working Saturdays"): what the year's official announcement fixed (the Tết days,
 * the day next to Quốc khánh, compensatory days) and the swaps of a bridge day with a Saturday.
 * Holidays themselves are law, computed in `src/shared/calendar`; this table holds only what an
 * administrator entered, with the announcement it comes from. No personal data: everyone reads it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_year (
      year integer PRIMARY KEY CHECK (year BETWEEN 2014 AND 2199),
      declaration jsonb NOT NULL CHECK (jsonb_typeof(declaration) = 'object'),
      document text NOT NULL,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES app_user (id)
    )
  `.execute(db);
  await sql`ALTER TABLE calendar_year ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE calendar_year FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY calendar_year_read ON calendar_year FOR SELECT USING (true)`.execute(db);
  const admin = sql`((SELECT pcmt_is_system()) OR (SELECT pcmt_has_role('system_admin')))`;
  await sql`CREATE POLICY calendar_year_insert ON calendar_year FOR INSERT WITH CHECK (${admin})`.execute(db);
  await sql`CREATE POLICY calendar_year_update ON calendar_year FOR UPDATE USING (${admin}) WITH CHECK (${admin})`.execute(db);
  await sql`GRANT SELECT, INSERT ON calendar_year TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (declaration, document, version, updated_at, updated_by) ON calendar_year TO pcmt_app`.execute(db);
}
