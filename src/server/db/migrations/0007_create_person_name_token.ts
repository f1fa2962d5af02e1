import { type Kysely, sql } from 'kysely';

/**
 * Name search that scales under row-level security. PostgreSQL evaluates a query's non-leakproof
 * operators (LIKE, trigram similarity) only after the policy, so they never reach an index; text
 * equality and ordering (texteq, text_ge, text_lt) are leakproof and do. Each folded name word of a
 * person becomes a row here, and "a word starting with w" becomes the range [w, w + U+FFFF) on an
 * index that starts with the province or the commune, the same equalities the person policies use.
 *
 * The table is written only by the trigger below (pcmt_app may read it, never write), so every
 * writer of `person` (the service, bulk import, the generator's COPY, transfers) keeps it true.
 * Its own policy repeats the person policy's area, read-permission and minors conditions with
 * leakproof comparisons, so a name word is never visible where its person is not.
 */
/** The INSERT of the words of every person in `source` (a table or a trigger's transition table). */
const wordsOf = (source: string) => sql`
  INSERT INTO person_name_token (person_id, province_code, unit_path, born, birth_year, classification, sort_key, token)
  SELECT DISTINCT p.id, p.province_code, p.unit_path, coalesce(p.birth_date, make_date(p.birth_year, 12, 31)),
    p.birth_year, p.classification, p.sort_key, w.token
  FROM ${sql.raw(source)} p, regexp_split_to_table(btrim(p.search_key), ' ') AS w(token)
  WHERE w.token <> '' AND p.merged_into IS NULL`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person_name_token (
      person_id uuid NOT NULL REFERENCES person (id),
      province_code text NOT NULL,
      unit_path text NOT NULL,
      born date NOT NULL,
      birth_year integer NOT NULL,
      classification text NOT NULL,
      sort_key text NOT NULL,
      token text NOT NULL
    )
  `.execute(db);
  // Everything a search filters and sorts on is in the index, so the scan never visits the table
  // (index-only, the policy's columns included); the page is chosen here and only its persons read.
  const covering = sql`INCLUDE (person_id, sort_key, unit_path, born, birth_year, classification)`;
  await sql`CREATE INDEX person_name_token_province_idx ON person_name_token (province_code, (token COLLATE "C")) ${covering}`.execute(
    db,
  );
  await sql`CREATE INDEX person_name_token_commune_idx ON person_name_token (unit_path, (token COLLATE "C")) ${covering}`.execute(
    db,
  );
  // The trigger replaces a person's words by person.
  await sql`CREATE INDEX person_name_token_person_idx ON person_name_token (person_id)`.execute(db);

  // Statement-level with transition tables: a bulk insert of 100,000 persons tokenises in one
  // INSERT … SELECT, not 100,000 trigger calls. Updates re-tokenise only the rows whose name,
  // place, birth, classification or merge changed (a version bump or a key rotation touches
  // nothing here). A file merged into another has no words: search shows the kept file only.
  await sql`
    CREATE FUNCTION pcmt_person_tokens_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    BEGIN
      ${wordsOf('new_rows')};
      RETURN NULL;
    END $$
  `.execute(db);
  await sql`
    CREATE FUNCTION pcmt_person_tokens_update() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    BEGIN
      -- One statement: the DELETE and the INSERT see the same snapshot, so the new words stay.
      WITH changed AS (
        SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.search_key, n.province_code, n.unit_path, n.birth_date, n.birth_year, n.classification, n.sort_key, n.merged_into)
              IS DISTINCT FROM (o.search_key, o.province_code, o.unit_path, o.birth_date, o.birth_year, o.classification, o.sort_key, o.merged_into)
      ), removed AS (
        DELETE FROM person_name_token t USING changed c WHERE t.person_id = c.id
      )
      ${wordsOf('changed')};
      RETURN NULL;
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER person_tokens_insert AFTER INSERT ON person
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pcmt_person_tokens_insert()
  `.execute(db);
  await sql`
    CREATE TRIGGER person_tokens_update AFTER UPDATE ON person
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pcmt_person_tokens_update()
  `.execute(db);
  await sql`REVOKE ALL ON FUNCTION pcmt_person_tokens_insert() FROM PUBLIC`.execute(db);
  await sql`REVOKE ALL ON FUNCTION pcmt_person_tokens_update() FROM PUBLIC`.execute(db);

  await sql`ALTER TABLE person_name_token ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY person_name_token_read ON person_name_token FOR SELECT USING (
      (SELECT pcmt_is_system())
      OR ((SELECT coalesce(current_setting('pcmt.person_read', true), '') = 'on')
          AND (province_code = (SELECT current_setting('pcmt.area', true)) OR unit_path = (SELECT current_setting('pcmt.area', true)))
          AND ((SELECT coalesce(current_setting('pcmt.minors', true), '') = 'on') OR born <= (SELECT pcmt_adult_cutoff())))
    )
  `.execute(db);
  await sql`GRANT SELECT ON person_name_token TO pcmt_app`.execute(db);

  // Existing persons (a database migrated with the registry already filled).
  await wordsOf('person').execute(db);
}
