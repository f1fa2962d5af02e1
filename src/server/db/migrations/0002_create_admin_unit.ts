import { type Kysely, sql } from 'kysely';

/**
 * Administrative units with validity periods. A code is unique only together with its period
 * (new communes reuse old codes), which the exclusion constraint enforces: no two rows with the
 * same code may be valid on the same day. Parents are found by code on the same date, so a
 * unit that changes type (xã → phường) simply gets a new row from the day of the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE admin_unit_dataset (
      id text PRIMARY KEY,
      title_vi text NOT NULL,
      title_en text NOT NULL,
      valid_from date,
      valid_to date,
      levels text[] NOT NULL,
      source text NOT NULL,
      license text NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`
    CREATE TABLE admin_unit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dataset_id text NOT NULL REFERENCES admin_unit_dataset (id),
      code text NOT NULL CHECK (code ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$'),
      level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
      kind text NOT NULL CHECK (kind IN ('central_city', 'province', 'urban_district', 'rural_district',
        'district_town', 'provincial_city', 'ward', 'commune', 'township', 'special_zone')),
      name text NOT NULL CHECK (name <> ''),
      full_name text NOT NULL CHECK (full_name <> ''),
      name_en text,
      parent_code text,
      path text NOT NULL,
      name_key text NOT NULL,
      search_key text NOT NULL,
      valid_from date,
      valid_to date,
      alt_codes text[] NOT NULL DEFAULT '{}',
      note text,
      CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
      CHECK ((level = 'province') = (parent_code IS NULL)),
      EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
    )
  `.execute(db);
  await sql`CREATE INDEX admin_unit_parent_idx ON admin_unit (parent_code, code)`.execute(db);
  await sql`CREATE INDEX admin_unit_path_idx ON admin_unit (path text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX admin_unit_search_trgm_idx ON admin_unit USING gin (search_key gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX admin_unit_name_trgm_idx ON admin_unit USING gin (name_key gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX admin_unit_alt_codes_idx ON admin_unit USING gin (alt_codes)`.execute(db);
  await sql`
    CREATE TABLE admin_unit_succession (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      predecessor_id uuid NOT NULL REFERENCES admin_unit (id),
      successor_id uuid NOT NULL REFERENCES admin_unit (id),
      kind text NOT NULL CHECK (kind IN ('full', 'partial')),
      effective_date date NOT NULL,
      legal_basis text NOT NULL,
      UNIQUE (predecessor_id, successor_id),
      CHECK (predecessor_id <> successor_id)
    )
  `.execute(db);
  await sql`CREATE INDEX admin_unit_succession_successor_idx ON admin_unit_succession (successor_id)`.execute(db);
}
