import { type Kysely, sql } from 'kysely';

/**
 * Accounts, sessions, API tokens, the audit log and break-the-glass grants, with the database
 * layer of access control (docs/ACCESS.md): the role `pcmt_app` that every request switches to,
 * owns nothing and cannot bypass row-level security, and the policies that compare each row with
 * the request's transaction-local settings (`pcmt.user_id`, `pcmt.roles`, `pcmt.area`, `pcmt.system`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles are per cluster: another database (or a parallel test run) may have created it already.
  await sql`
    DO $$ BEGIN
      CREATE ROLE pcmt_app NOLOGIN NOBYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$
  `.execute(db);
  // A non-superuser owner must be a member of pcmt_app to SET ROLE to it.
  await sql`
    DO $$ BEGIN
      EXECUTE format('GRANT pcmt_app TO %I', current_user);
    EXCEPTION WHEN OTHERS THEN NULL;
    END $$
  `.execute(db);

  // Helpers the policies read. STABLE, so one evaluation per statement.
  await sql`
    CREATE FUNCTION pcmt_is_system() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('pcmt.system', true), '') = 'on' $$
  `.execute(db);
  await sql`
    CREATE FUNCTION pcmt_user_id() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('pcmt.user_id', true), '')::uuid $$
  `.execute(db);
  await sql`
    CREATE FUNCTION pcmt_has_role(role text) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT role = ANY (string_to_array(coalesce(current_setting('pcmt.roles', true), ''), ',')) $$
  `.execute(db);
  // pcmt.area is the unit path the user covers ('01' = a province, '01.00004' = a commune), '*' = all.
  await sql`
    CREATE FUNCTION pcmt_in_area(row_path text) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT CASE coalesce(current_setting('pcmt.area', true), '')
        WHEN '' THEN false
        WHEN '*' THEN true
        ELSE row_path = current_setting('pcmt.area', true) OR row_path LIKE current_setting('pcmt.area', true) || '.%'
      END
    $$
  `.execute(db);

  await sql`
    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text NOT NULL CHECK (display_name <> ''),
      unit_id uuid NOT NULL REFERENCES admin_unit (id),
      unit_path text NOT NULL,
      agency_code text NOT NULL REFERENCES agency (code),
      roles text[] NOT NULL CHECK (cardinality(roles) BETWEEN 1 AND 3 AND roles <@ ARRAY['system_admin', 'provincial_lead',
        'provincial_officer', 'commune_officer', 'facility_staff', 'auditor', 'statistics_viewer']::text[]),
      password_hash text NOT NULL,
      must_change_password boolean NOT NULL DEFAULT true,
      password_changed_at timestamptz,
      totp_secret_sealed text,
      totp_pending_sealed text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      failed_login_count integer NOT NULL DEFAULT 0,
      failed_login_since timestamptz,
      locked_until timestamptz,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user (id)
    )
  `.execute(db);
  await sql`CREATE INDEX app_user_unit_path_idx ON app_user (unit_path text_pattern_ops)`.execute(db);

  await sql`
    CREATE TABLE mfa_recovery_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX mfa_recovery_code_user_idx ON mfa_recovery_code (user_id)`.execute(db);

  await sql`
    CREATE TABLE user_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user (id),
      token_hash text NOT NULL UNIQUE,
      stage text NOT NULL CHECK (stage IN ('setup', 'mfa', 'active')),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      step_up_at timestamptz,
      revoked_at timestamptz,
      revoked_reason text,
      ip text,
      user_agent text
    )
  `.execute(db);
  await sql`CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user (id),
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);

  // The audit log: append-only and hash-chained (SECURITY-RELIABILITY.md S7, S8). seq is gapless,
  // assigned under the lock on audit_head, so the chain order is the commit order.
  await sql`
    CREATE TABLE audit_event (
      seq bigint PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      occurred_at timestamptz NOT NULL,
      actor_user_id uuid,
      actor_username text,
      actor_roles text[] NOT NULL DEFAULT '{}',
      actor_unit_path text,
      actor_agency text,
      action text NOT NULL,
      record_kind text,
      record_id text,
      purpose text,
      request_id text,
      ip text,
      outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, seq DESC)`.execute(db);
  await sql`CREATE INDEX audit_event_record_idx ON audit_event (record_kind, record_id, seq DESC)`.execute(db);
  await sql`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at)`.execute(db);
  await sql`
    CREATE TABLE audit_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL
    )
  `.execute(db);
  await sql`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`.execute(db);
  await sql`
    CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()
  `.execute(db);

  await sql`
    CREATE TABLE break_glass_grant (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user (id),
      user_unit_path text NOT NULL,
      record_kind text NOT NULL CHECK (record_kind IN ('person', 'procedure', 'health_record', 'case')),
      record_id uuid NOT NULL,
      reason text NOT NULL CHECK (char_length(reason) BETWEEN 20 AND 1000),
      granted_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      reviewed_by uuid REFERENCES app_user (id),
      reviewed_at timestamptz,
      review_note text,
      CHECK (expires_at > granted_at)
    )
  `.execute(db);

  // Row-level security, forced also on the owner. Reference data (units, agencies) stays readable.
  for (const table of ['app_user', 'mfa_recovery_code', 'user_session', 'api_token', 'audit_event', 'break_glass_grant']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  // Users: the system context and administrators see all; others see themselves and the users of
  // their own area (the directory used to assign tasks and find supervisors).
  await sql`
    CREATE POLICY app_user_read ON app_user FOR SELECT
      USING (pcmt_is_system() OR pcmt_has_role('system_admin') OR id = pcmt_user_id() OR pcmt_in_area(unit_path))
  `.execute(db);
  await sql`
    CREATE POLICY app_user_write ON app_user FOR ALL
      USING (pcmt_is_system() OR pcmt_has_role('system_admin') OR id = pcmt_user_id())
      WITH CHECK (pcmt_is_system() OR pcmt_has_role('system_admin') OR id = pcmt_user_id())
  `.execute(db);
  await sql`
    CREATE POLICY mfa_recovery_code_own ON mfa_recovery_code FOR ALL
      USING (pcmt_is_system() OR user_id = pcmt_user_id()) WITH CHECK (pcmt_is_system() OR user_id = pcmt_user_id())
  `.execute(db);
  for (const table of ['user_session', 'api_token']) {
    await sql`
      CREATE POLICY ${sql.raw(`${table}_own`)} ON ${sql.table(table)} FOR ALL
        USING (pcmt_is_system() OR user_id = pcmt_user_id() OR pcmt_has_role('system_admin'))
        WITH CHECK (pcmt_is_system() OR user_id = pcmt_user_id() OR pcmt_has_role('system_admin'))
    `.execute(db);
  }
  await sql`CREATE POLICY audit_event_append ON audit_event FOR INSERT WITH CHECK (true)`.execute(db);
  await sql`
    CREATE POLICY audit_event_read ON audit_event FOR SELECT USING (pcmt_is_system() OR pcmt_has_role('auditor'))
  `.execute(db);
  await sql`
    CREATE POLICY break_glass_read ON break_glass_grant FOR SELECT
      USING (pcmt_is_system() OR user_id = pcmt_user_id() OR pcmt_has_role('auditor')
        OR (pcmt_has_role('provincial_lead') AND pcmt_in_area(user_unit_path)))
  `.execute(db);
  await sql`
    CREATE POLICY break_glass_request ON break_glass_grant FOR INSERT
      WITH CHECK (pcmt_is_system() OR user_id = pcmt_user_id())
  `.execute(db);
  await sql`
    CREATE POLICY break_glass_review ON break_glass_grant FOR UPDATE
      USING (pcmt_is_system() OR pcmt_has_role('auditor') OR (pcmt_has_role('provincial_lead') AND pcmt_in_area(user_unit_path)))
  `.execute(db);

  // What pcmt_app may do at all. No UPDATE or DELETE on the audit log, ever.
  await sql`GRANT USAGE ON SCHEMA public TO pcmt_app`.execute(db);
  await sql`GRANT SELECT ON admin_unit_dataset, admin_unit, admin_unit_succession, agency, kysely_migration TO pcmt_app`.execute(
    db,
  );
  await sql`GRANT INSERT, UPDATE ON agency TO pcmt_app`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON app_user, user_session, api_token, break_glass_grant TO pcmt_app`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON mfa_recovery_code TO pcmt_app`.execute(db);
  await sql`GRANT SELECT, INSERT ON audit_event TO pcmt_app`.execute(db);
  await sql`GRANT SELECT, UPDATE ON audit_head TO pcmt_app`.execute(db);
}
