import { type Kysely, sql } from 'kysely';

/**
 * An administrator's value for a legal rule DOMAIN.md does not confirm (issue #5: "values marked
 * [NC] are editable by an admin and shown as 'chưa xác nhận'"). The rules themselves are code data
 * (`src/shared/rules`); this table holds only overrides, one per rule set and rule key, with the
 * administrator's citation. `app_setting` does not fit: its keys are fixed by migrations and its
 * key pattern has no room for a rule-set id. The service checks that the rule exists and is
 * unconfirmed, and that the value fits the rule's kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rule_override (
      rule_set_id text NOT NULL CHECK (rule_set_id ~ '^[a-z0-9-]{3,40}$'),
      rule_key text NOT NULL CHECK (rule_key ~ '^[a-z0-9_.]{3,80}$'),
      value jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object'),
      citation text NOT NULL,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES app_user (id),
      PRIMARY KEY (rule_set_id, rule_key)
    )
  `.execute(db);
  await sql`ALTER TABLE rule_override ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE rule_override FORCE ROW LEVEL SECURITY`.execute(db);
  // Legal parameters, not secrets: everyone reads them; only the system administrator writes.
  await sql`CREATE POLICY rule_override_read ON rule_override FOR SELECT USING (true)`.execute(db);
  const admin = sql`((SELECT pcmt_is_system()) OR (SELECT pcmt_has_role('system_admin')))`;
  await sql`CREATE POLICY rule_override_insert ON rule_override FOR INSERT WITH CHECK (${admin})`.execute(db);
  await sql`CREATE POLICY rule_override_update ON rule_override FOR UPDATE USING (${admin}) WITH CHECK (${admin})`.execute(db);
  await sql`GRANT SELECT, INSERT ON rule_override TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (value, citation, version, updated_at, updated_by) ON rule_override TO pcmt_app`.execute(db);
}
