import { type Kysely, sql } from 'kysely';

/**
 * Facilities (DOMAIN.md §4.10; issue #5 item 5): public and private rehab facilities, reform
 * schools, methadone (OST) clinics, addiction-determination facilities and social reception
 * centres. The list is reference data every user reads (a name, a type, a capacity); occupancy is
 * not stored but derived from the procedures placed there. A facility's staff are users whose
 * `facility_id` names it: they see only the persons and records linked to it (ACCESS-PRINCIPLES.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE facility (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
      name text NOT NULL CHECK (name <> ''),
      type text NOT NULL CHECK (type IN ('public_rehab', 'private_rehab', 'reform_school', 'ost_clinic',
        'determination', 'social_reception')),
      agency_code text NOT NULL REFERENCES agency (code),
      province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
      capacity integer CHECK (capacity IS NULL OR capacity >= 0),
      min_age integer NOT NULL DEFAULT 0 CHECK (min_age BETWEEN 0 AND 120),
      max_age integer CHECK (max_age IS NULL OR max_age BETWEEN 0 AND 120),
      licence text,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES app_user (id),
      CHECK (max_age IS NULL OR min_age <= max_age)
    )
  `.execute(db);
  await sql`ALTER TABLE facility ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE facility FORCE ROW LEVEL SECURITY`.execute(db);
  // Reference data: every logged-in user reads the list; the service checks `facility:manage`.
  await sql`CREATE POLICY facility_read ON facility FOR SELECT USING (true)`.execute(db);
  const manager = sql`((SELECT pcmt_is_system()) OR (SELECT pcmt_has_role('system_admin'))
    OR ((SELECT pcmt_has_role('provincial_officer')) AND province_code = (SELECT current_setting('pcmt.area', true))))`;
  await sql`CREATE POLICY facility_insert ON facility FOR INSERT WITH CHECK (${manager})`.execute(db);
  await sql`CREATE POLICY facility_update ON facility FOR UPDATE USING (${manager}) WITH CHECK (${manager})`.execute(db);
  await sql`GRANT SELECT, INSERT ON facility TO pcmt_app`.execute(db);
  await sql`
    GRANT UPDATE (name, type, capacity, min_age, max_age, licence, active, version, updated_at, updated_by) ON facility TO pcmt_app
  `.execute(db);

  await sql`ALTER TABLE app_user ADD COLUMN facility_id uuid REFERENCES facility (id)`.execute(db);
}
