import { type Kysely, sql } from 'kysely';

/**
 * The person registry: a person and their management file (hồ sơ quản lý), the file's timeline and
 * notes. ID numbers, addresses, phone, family contacts and notes are encrypted with the record's
 * own data key (`data_key`, wrapped by a key outside the database); ID numbers are found through
 * keyed blind indexes. Row-level security (docs/ACCESS.md): a person is visible inside the
 * reader's area when their agency's remit allows person records; minors only to police and
 * People's Committees; one record outside that only through an unexpired break-the-glass grant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person (
      id uuid PRIMARY KEY,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      data_key text NOT NULL,
      personal_id_enc text,
      personal_id_idx text,
      old_id_enc text,
      old_id_idx text,
      full_name text NOT NULL CHECK (full_name <> ''),
      name_key text NOT NULL,
      search_key text NOT NULL,
      sort_key text NOT NULL,
      aliases text[] NOT NULL DEFAULT '{}',
      birth_date date,
      birth_year integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
      sex text NOT NULL CHECK (sex IN ('male', 'female')),
      nationality text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
      ethnicity text,
      permanent_unit_id uuid REFERENCES admin_unit (id),
      permanent_address_enc text,
      temporary_unit_id uuid REFERENCES admin_unit (id),
      temporary_address_enc text,
      current_unit_id uuid NOT NULL REFERENCES admin_unit (id),
      current_address_enc text,
      unit_path text NOT NULL,
      province_code text NOT NULL CHECK (unit_path = province_code OR unit_path LIKE province_code || '.%'),
      has_stable_residence boolean NOT NULL,
      occupation text,
      phone_enc text,
      family_contacts_enc text,
      classification text NOT NULL DEFAULT 'NONE',
      file_opened_at timestamptz NOT NULL,
      file_opened_by uuid REFERENCES app_user (id),
      merged_into uuid REFERENCES person (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user (id),
      updated_by uuid REFERENCES app_user (id),
      CHECK (birth_date IS NULL OR extract(year FROM birth_date) = birth_year)
    )
  `.execute(db);
  await sql`CREATE INDEX person_personal_id_idx ON person (personal_id_idx) WHERE personal_id_idx IS NOT NULL`.execute(db);
  await sql`CREATE INDEX person_old_id_idx ON person (old_id_idx) WHERE old_id_idx IS NOT NULL`.execute(db);
  // Lists walk one of these in Vietnamese order and stop after a page. The equality on province or
  // commune must be in the query itself: row-level security keeps non-leakproof operators (LIKE,
  // similarity) from reaching an index, but equality on text is leakproof and can drive the scan.
  await sql`CREATE INDEX person_province_sort_idx ON person (province_code, (sort_key COLLATE "C"), id)`.execute(db);
  await sql`CREATE INDEX person_commune_sort_idx ON person (unit_path, (sort_key COLLATE "C"), id)`.execute(db);
  await sql`CREATE INDEX person_search_trgm_idx ON person USING gin (search_key gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX person_name_trgm_idx ON person USING gin (name_key gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX person_birth_year_idx ON person (birth_year)`.execute(db);

  await sql`
    CREATE TABLE person_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES person (id),
      at timestamptz NOT NULL,
      kind text NOT NULL,
      actor_user_id uuid,
      actor_username text,
      summary text NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX person_event_person_idx ON person_event (person_id, at DESC)`.execute(db);
  await sql`
    CREATE TABLE person_note (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES person (id),
      at timestamptz NOT NULL,
      author_user_id uuid,
      author_username text,
      body_enc text NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX person_note_person_idx ON person_note (person_id, at DESC)`.execute(db);

  // "Now" for policies: the application's clock when it sets one for the transaction (so that the
  // application and the database agree on what has expired), else the database's.
  await sql`
    CREATE FUNCTION pcmt_now() RETURNS timestamptz LANGUAGE sql STABLE AS
      $$ SELECT coalesce(nullif(current_setting('pcmt.now', true), '')::timestamptz, now()) $$
  `.execute(db);
  // The latest birth date of an adult today, in Việt Nam: born after it = under 18. A record with a
  // year of birth only counts as born on 31 December, so that the person stays a minor until the
  // end of the year they turn 18: doubt falls on the protective side.
  await sql`
    CREATE FUNCTION pcmt_adult_cutoff() RETURNS date LANGUAGE sql STABLE AS
      $$ SELECT ((pcmt_now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - interval '18 years')::date $$
  `.execute(db);
  await sql`
    CREATE FUNCTION pcmt_is_minor(birth_date date, birth_year integer) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(birth_date, make_date(birth_year, 12, 31)) > pcmt_adult_cutoff() $$
  `.execute(db);

  for (const table of ['person', 'person_event', 'person_note']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  // Written out in the policy, each setting inside its own sub-select: the planner then reads the
  // settings and looks up the grants once per query (init plans), not once per row, and the
  // equalities on province or commune can use the indexes. `pcmt.area` is a province code ('01') or
  // a commune path ('01.00004'), so exactly one of the two equalities can hold.
  const personVisible = sql`
    (SELECT pcmt_is_system())
    OR ((SELECT coalesce(current_setting('pcmt.person_read', true), '') = 'on')
        AND (province_code = (SELECT current_setting('pcmt.area', true)) OR unit_path = (SELECT current_setting('pcmt.area', true)))
        AND ((SELECT coalesce(current_setting('pcmt.minors', true), '') = 'on')
             OR coalesce(birth_date, make_date(birth_year, 12, 31)) <= (SELECT pcmt_adult_cutoff())))
    OR id IN (SELECT g.record_id FROM break_glass_grant g
              WHERE g.user_id = pcmt_user_id() AND g.record_kind = 'person' AND g.expires_at > pcmt_now())`;
  await sql`CREATE POLICY person_read ON person FOR SELECT USING (${personVisible})`.execute(db);
  const writable = sql`(SELECT pcmt_is_system())
    OR ((SELECT coalesce(current_setting('pcmt.person_write', true), '') = 'on')
        AND (province_code = (SELECT current_setting('pcmt.area', true)) OR unit_path = (SELECT current_setting('pcmt.area', true)))
        AND ((SELECT coalesce(current_setting('pcmt.minors', true), '') = 'on')
             OR coalesce(birth_date, make_date(birth_year, 12, 31)) <= (SELECT pcmt_adult_cutoff())))`;
  await sql`CREATE POLICY person_insert ON person FOR INSERT WITH CHECK (${writable})`.execute(db);
  await sql`CREATE POLICY person_update ON person FOR UPDATE USING (${writable}) WITH CHECK (${writable})`.execute(db);
  // Timeline and notes follow their person.
  for (const table of ['person_event', 'person_note']) {
    await sql`
      CREATE POLICY ${sql.raw(`${table}_read`)} ON ${sql.table(table)} FOR SELECT
        USING (EXISTS (SELECT 1 FROM person p WHERE p.id = person_id))
    `.execute(db);
    await sql`
      CREATE POLICY ${sql.raw(`${table}_insert`)} ON ${sql.table(table)} FOR INSERT
        WITH CHECK (pcmt_is_system() OR EXISTS (SELECT 1 FROM person p WHERE p.id = person_id))
    `.execute(db);
  }
  await sql`GRANT SELECT, INSERT, UPDATE ON person TO pcmt_app`.execute(db);
  await sql`GRANT SELECT, INSERT ON person_event, person_note TO pcmt_app`.execute(db);
}
