import { type Kysely, sql } from 'kysely';

/**
 * The work queue and reminders (issue #5, item 6).
 *
 * `job`: background work run by the server's scheduler or `npm run pcmt -- jobs run`. A job is
 * enqueued once per `(kind, run_key)` (a daily job's key is its Việt Nam date), so several server
 * processes enqueue it only once; a runner claims one with `FOR UPDATE SKIP LOCKED`. System data:
 * only the system scope reads or writes it (row-level security), and `last_error` holds an error
 * code and message, never personal data.
 *
 * `notification`: what a user is told (overdue work, a transfer to acknowledge). Title and body
 * hold no personal data (counts and unit names); `link` is an app path carrying the record id. A
 * user reads and marks read only their own; only the system scope creates them. The row is also
 * the outbox of its e-mail (`mail_state`): written in the same transaction as the notification,
 * sent after commit by the scheduler (SECURITY-RELIABILITY.md: transactional outbox).
 *
 * `app_user.email`: where a user's notifications are e-mailed when an SMTP server is configured
 * (`PCMT_SMTP_URL`); none means in-app only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,63}$'),
      run_key text NOT NULL CHECK (char_length(run_key) BETWEEN 1 AND 200),
      payload jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      not_before timestamptz NOT NULL,
      claimed_at timestamptz,
      claimed_by text CHECK (char_length(claimed_by) <= 200),
      finished_at timestamptz,
      last_error text CHECK (char_length(last_error) <= 500),
      created_at timestamptz NOT NULL,
      UNIQUE (kind, run_key),
      CHECK (status <> 'running' OR claimed_at IS NOT NULL),
      CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX job_due_idx ON job (not_before, created_at) WHERE status = 'queued'`.execute(db);
  await sql`CREATE INDEX job_running_idx ON job (claimed_at) WHERE status = 'running'`.execute(db);
  await sql`ALTER TABLE job ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE job FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY job_system ON job FOR ALL USING ((SELECT pcmt_is_system())) WITH CHECK ((SELECT pcmt_is_system()))
  `.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON job TO pcmt_app`.execute(db);

  await sql`ALTER TABLE app_user ADD COLUMN email text CHECK (email ~ '^[^@\\s]{1,64}@[^@\\s]{1,255}$')`.execute(db);

  await sql`
    CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user (id),
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,63}$'),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      body text NOT NULL DEFAULT '' CHECK (char_length(body) <= 1000),
      link text CHECK (char_length(link) <= 500 AND link ~ '^/[A-Za-z0-9][A-Za-z0-9/_.~?=&%-]*$'),
      dedupe_key text NOT NULL CHECK (char_length(dedupe_key) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      mail_state text NOT NULL DEFAULT 'pending'
        CHECK (mail_state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
      mail_attempts integer NOT NULL DEFAULT 0 CHECK (mail_attempts >= 0),
      mail_state_at timestamptz,
      UNIQUE (user_id, dedupe_key)
    )
  `.execute(db);
  await sql`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`.execute(db);
  await sql`CREATE INDEX notification_mail_idx ON notification (created_at) WHERE mail_state IN ('pending', 'sending')`.execute(
    db,
  );
  await sql`ALTER TABLE notification ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE notification FORCE ROW LEVEL SECURITY`.execute(db);
  const own = sql`((SELECT pcmt_is_system()) OR user_id = (SELECT pcmt_user_id()))`;
  await sql`CREATE POLICY notification_read ON notification FOR SELECT USING (${own})`.execute(db);
  await sql`CREATE POLICY notification_insert ON notification FOR INSERT WITH CHECK ((SELECT pcmt_is_system()))`.execute(db);
  await sql`CREATE POLICY notification_update ON notification FOR UPDATE USING (${own}) WITH CHECK (${own})`.execute(db);
  await sql`GRANT SELECT, INSERT ON notification TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (read_at, mail_state, mail_attempts, mail_state_at) ON notification TO pcmt_app`.execute(db);
  // A user's own update may set read_at only; the e-mail columns belong to the system scope.
  await sql`
    CREATE FUNCTION notification_user_update_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT pcmt_is_system() AND (NEW.mail_state, NEW.mail_attempts, NEW.mail_state_at)
          IS DISTINCT FROM (OLD.mail_state, OLD.mail_attempts, OLD.mail_state_at) THEN
        RAISE EXCEPTION 'notification: only read_at may be changed by its user' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER notification_user_update BEFORE UPDATE ON notification
      FOR EACH ROW EXECUTE FUNCTION notification_user_update_guard()
  `.execute(db);
}
