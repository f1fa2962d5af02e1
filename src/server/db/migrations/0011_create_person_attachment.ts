import { type Kysely, sql } from 'kysely';

/**
 * Documents and photos of a management file (issue #4: "holds the person, a timeline of every
 * event, notes and attachments"; the person's optional photo). The bytes and the file name are
 * encrypted with the person's data key (additional data: table, column, attachment id), so a copy
 * of the database or of a backup shows neither. Rows follow their person under row-level security,
 * like notes; nothing is deleted: a withdrawn attachment keeps its row with `withdrawn_at`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person_attachment (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES person (id),
      kind text NOT NULL CHECK (kind IN ('photo', 'document')),
      file_name_enc text NOT NULL,
      media_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      content_enc bytea NOT NULL,
      uploaded_at timestamptz NOT NULL,
      uploaded_by uuid,
      uploaded_by_username text,
      withdrawn_at timestamptz,
      withdrawn_by uuid
    )
  `.execute(db);
  await sql`CREATE INDEX person_attachment_person_idx ON person_attachment (person_id, uploaded_at DESC)`.execute(db);
  await sql`ALTER TABLE person_attachment ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE person_attachment FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY person_attachment_read ON person_attachment FOR SELECT
      USING (EXISTS (SELECT 1 FROM person p WHERE p.id = person_id))
  `.execute(db);
  // Writing (adding, withdrawing, a merge moving it) needs write access to the person's own area,
  // not only a read: during a transfer the receiving commune reads the file but may not add to it
  // (as person_note_insert, migration 0009).
  const area = sql`(SELECT current_setting('pcmt.area', true))`;
  const writable = sql`(SELECT pcmt_is_system())
    OR ((SELECT coalesce(current_setting('pcmt.person_write', true), '') = 'on')
        AND EXISTS (SELECT 1 FROM person p WHERE p.id = person_id AND (p.province_code = ${area} OR p.unit_path = ${area})))`;
  await sql`CREATE POLICY person_attachment_insert ON person_attachment FOR INSERT WITH CHECK (${writable})`.execute(db);
  await sql`CREATE POLICY person_attachment_update ON person_attachment FOR UPDATE USING (${writable}) WITH CHECK (${writable})`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT ON person_attachment TO pcmt_app`.execute(db);
  // person_id and the sealed columns: a merge moves an attachment and re-seals it under the kept
  // file's data key (person-merges.repo.ts, PERSON_LINKED_TABLES).
  await sql`
    GRANT UPDATE (withdrawn_at, withdrawn_by, person_id, file_name_enc, content_enc) ON person_attachment TO pcmt_app
  `.execute(db);
}
