import { type Kysely, sql } from 'kysely';

/**
 * Legal procedures of a management file (issue #5; DOMAIN.md §4.2–§4.9): one row per procedure
 * (its state machine's current state), one row per step (a dated decision with its number,
 * decider, unit, attachments and the rule set in force on its date), and one row per legal timer
 * a step started. Free text of a step (reasons, names of helpers) is sealed with the person's data
 * key in `data_enc`; `procedure.data` keeps only codes, numbers and dates.
 *
 * Row-level security (docs/ACCESS.md):
 * - a procedure follows its person (area, minors, transfers, break-the-glass), and the reader's
 *   remit: determination and substitution treatment are health records (`pcmt.health_read`), the
 *   rest procedures (`pcmt.procedure_read`); police file determination requests (`pcmt.procedure_write`
 *   while the request is open) and read the result;
 * - facility staff see only the procedures placed at their own facility, of the kinds their
 *   agency's linked remit names (`pcmt.facility`, `pcmt.linked_read`), and through
 *   `procedure_facility_link` the persons of those procedures. The link table's own policy reads
 *   no other table, so `person_read` can consult it without recursion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kinds = sql.raw(`'drug_test', 'illegal_user_management', 'determination', 'voluntary_rehab', 'ost',
    'compulsory_rehab', 'post_rehab', 'education_at_commune'`);
  await sql`
    CREATE TABLE procedure (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES person (id),
      kind text NOT NULL CHECK (kind IN (${kinds})),
      record_kind text NOT NULL CHECK (record_kind IN ('procedure', 'health_record')),
      state text NOT NULL CHECK (state ~ '^[a-z_]{2,40}$'),
      facility_id uuid REFERENCES facility (id),
      opened_on date NOT NULL,
      last_on date NOT NULL,
      rule_set_id text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
      parent_id uuid REFERENCES procedure (id),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES app_user (id),
      updated_at timestamptz NOT NULL,
      CHECK (opened_on <= last_on),
      CHECK ((kind IN ('determination', 'ost')) = (record_kind = 'health_record'))
    )
  `.execute(db);
  await sql`CREATE INDEX procedure_person_idx ON procedure (person_id, opened_on DESC)`.execute(db);
  await sql`CREATE INDEX procedure_facility_idx ON procedure (facility_id, state) WHERE facility_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE procedure_step (
      id uuid PRIMARY KEY,
      procedure_id uuid NOT NULL REFERENCES procedure (id),
      person_id uuid NOT NULL REFERENCES person (id),
      seq integer NOT NULL CHECK (seq >= 1),
      action text NOT NULL,
      from_state text NOT NULL,
      to_state text NOT NULL,
      decided_on date NOT NULL,
      decision_no text,
      decider text,
      unit_name text,
      rule_set_id text NOT NULL,
      data_enc text NOT NULL,
      unconfirmed_rules text[] NOT NULL DEFAULT '{}',
      attachment_ids uuid[] NOT NULL DEFAULT '{}',
      by_system boolean NOT NULL DEFAULT false,
      recorded_at timestamptz NOT NULL,
      recorded_by uuid REFERENCES app_user (id),
      recorded_by_username text,
      UNIQUE (procedure_id, seq)
    )
  `.execute(db);
  await sql`
    CREATE TABLE procedure_deadline (
      id uuid PRIMARY KEY,
      procedure_id uuid NOT NULL REFERENCES procedure (id),
      person_id uuid NOT NULL REFERENCES person (id),
      timer text NOT NULL,
      rule_key text,
      rule_set_id text NOT NULL,
      confirmed boolean NOT NULL,
      term boolean NOT NULL,
      starts_on date NOT NULL,
      due_on date,
      status text NOT NULL CHECK (status IN ('open', 'met', 'cancelled')),
      closed_on date,
      overdue_marked_at timestamptz,
      created_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX procedure_deadline_procedure_idx ON procedure_deadline (procedure_id)`.execute(db);
  await sql`CREATE INDEX procedure_deadline_due_idx ON procedure_deadline (due_on) WHERE status = 'open'`.execute(db);
  await sql`
    CREATE TABLE procedure_facility_link (
      id uuid PRIMARY KEY,
      procedure_id uuid NOT NULL UNIQUE REFERENCES procedure (id),
      person_id uuid NOT NULL REFERENCES person (id),
      facility_id uuid NOT NULL REFERENCES facility (id)
    )
  `.execute(db);
  await sql`CREATE INDEX procedure_facility_link_facility_idx ON procedure_facility_link (facility_id, person_id)`.execute(db);

  for (const table of ['procedure', 'procedure_step', 'procedure_deadline', 'procedure_facility_link']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  const setting = (name: string) => sql`(SELECT coalesce(current_setting(${sql.lit(`pcmt.${name}`)}, true), '') = 'on')`;
  const area = sql`(SELECT current_setting('pcmt.area', true))`;
  const myFacility = sql`(SELECT nullif(current_setting('pcmt.facility', true), '')::uuid)`;
  const linkedKinds = (name: string) =>
    sql`string_to_array(coalesce(current_setting(${sql.lit(`pcmt.${name}`)}, true), ''), ',')`;
  const system = sql`(SELECT pcmt_is_system())`;

  const remitRead = sql`((record_kind = 'procedure' AND ${setting('procedure_read')})
    OR (record_kind = 'health_record' AND ${setting('health_read')}))`;
  // Police file the determination request (and may withdraw it) and refer a person to substitution
  // treatment; the result and the treatment are the health facility's.
  const remitWrite = sql`((record_kind = 'procedure' AND ${setting('procedure_write')})
    OR (record_kind = 'health_record' AND ${setting('health_write')})
    OR (kind = 'determination' AND state IN ('to_request', 'requested', 'withdrawn') AND ${setting('procedure_write')})
    OR (kind = 'ost' AND state = 'registered' AND ${setting('procedure_write')}))`;
  const linkedRead = sql`(facility_id = ${myFacility} AND kind = ANY (${linkedKinds('linked_read')}))`;
  const linkedWrite = sql`(facility_id = ${myFacility} AND kind = ANY (${linkedKinds('linked_write')}))`;
  const personVisible = sql`EXISTS (SELECT 1 FROM person p WHERE p.id = person_id)`;
  const personInArea = sql`EXISTS (SELECT 1 FROM person p WHERE p.id = person_id AND (p.province_code = ${area} OR p.unit_path = ${area}))`;
  const readable = sql`${system} OR (${personVisible} AND ${remitRead}) OR ${linkedRead}`;
  const writable = sql`${system} OR (${personInArea} AND ${remitWrite}) OR ${linkedWrite}`;
  await sql`CREATE POLICY procedure_read ON procedure FOR SELECT USING (${readable})`.execute(db);
  await sql`CREATE POLICY procedure_insert ON procedure FOR INSERT WITH CHECK (${writable})`.execute(db);
  await sql`CREATE POLICY procedure_update ON procedure FOR UPDATE USING (${writable}) WITH CHECK (${writable})`.execute(db);

  // Steps and deadlines follow their procedure.
  for (const table of ['procedure_step', 'procedure_deadline']) {
    await sql`
      CREATE POLICY ${sql.raw(`${table}_read`)} ON ${sql.table(table)} FOR SELECT
        USING (EXISTS (SELECT 1 FROM procedure pr WHERE pr.id = procedure_id))
    `.execute(db);
    await sql`
      CREATE POLICY ${sql.raw(`${table}_insert`)} ON ${sql.table(table)} FOR INSERT
        WITH CHECK (${system} OR EXISTS (SELECT 1 FROM procedure pr WHERE pr.id = procedure_id))
    `.execute(db);
  }
  // Deadlines are closed by later steps; steps only move in a merge (person_id, re-sealed data).
  for (const table of ['procedure_step', 'procedure_deadline']) {
    await sql`
      CREATE POLICY ${sql.raw(`${table}_update`)} ON ${sql.table(table)} FOR UPDATE
        USING (${system} OR EXISTS (SELECT 1 FROM procedure pr WHERE pr.id = procedure_id))
        WITH CHECK (${system} OR EXISTS (SELECT 1 FROM procedure pr WHERE pr.id = procedure_id))
    `.execute(db);
  }

  // The link reads only settings: `person_read` below consults it.
  const anyWrite = sql`(${setting('procedure_write')} OR ${setting('health_write')} OR facility_id = ${myFacility})`;
  await sql`
    CREATE POLICY procedure_facility_link_read ON procedure_facility_link FOR SELECT
      USING (${system} OR facility_id = ${myFacility} OR ${setting('procedure_read')} OR ${setting('health_read')})
  `.execute(db);
  await sql`CREATE POLICY procedure_facility_link_insert ON procedure_facility_link FOR INSERT WITH CHECK (${system} OR ${anyWrite})`.execute(
    db,
  );
  await sql`
    CREATE POLICY procedure_facility_link_update ON procedure_facility_link FOR UPDATE
      USING (${system} OR ${anyWrite}) WITH CHECK (${system} OR ${anyWrite})
  `.execute(db);

  // The person policy of migration 0009, with the facility's own patients added (ACCESS-PRINCIPLES.md:
  // "Health facilities: their own referred or enrolled patients").
  const personRead = setting('person_read');
  const pendingToMe = sql`id IN (SELECT t.person_id FROM person_transfer t
    WHERE t.status = 'pending' AND (t.to_unit_path = ${area} OR t.to_province_code = ${area}))`;
  const minorsRule = sql`((SELECT coalesce(current_setting('pcmt.minors', true), '') = 'on')
    OR coalesce(birth_date, make_date(birth_year, 12, 31)) <= (SELECT pcmt_adult_cutoff()))`;
  await sql`DROP POLICY person_read ON person`.execute(db);
  await sql`
    CREATE POLICY person_read ON person FOR SELECT USING (
      (SELECT pcmt_is_system())
      OR (${personRead}
          AND (province_code = ${area} OR unit_path = ${area} OR ${pendingToMe})
          AND ${minorsRule})
      OR id IN (SELECT g.record_id FROM break_glass_grant g
                WHERE g.user_id = pcmt_user_id() AND g.record_kind = 'person' AND g.expires_at > pcmt_now())
      OR (${setting('person_linked')} AND id IN (SELECT l.person_id FROM procedure_facility_link l WHERE l.facility_id = ${myFacility}))
    )
  `.execute(db);

  await sql`GRANT SELECT, INSERT ON procedure, procedure_step, procedure_deadline, procedure_facility_link TO pcmt_app`.execute(
    db,
  );
  await sql`GRANT UPDATE (state, facility_id, last_on, data, version, updated_at) ON procedure TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (status, closed_on, overdue_marked_at) ON procedure_deadline TO pcmt_app`.execute(db);
  // A merge moves a person's procedures to the kept file (person-merges.repo.ts).
  await sql`GRANT UPDATE (person_id) ON procedure, procedure_deadline TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (person_id, data_enc) ON procedure_step TO pcmt_app`.execute(db);
  await sql`GRANT UPDATE (person_id, facility_id) ON procedure_facility_link TO pcmt_app`.execute(db);
}
