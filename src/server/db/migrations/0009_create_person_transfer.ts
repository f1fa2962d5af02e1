import { type Kysely, sql } from 'kysely';

/**
 * Moving residence between communes (chuyển nơi cư trú), and the settings table that holds its
 * deadline as data.
 *
 * A transfer is requested by the sending commune and acknowledged (accepted) or refused by the
 * receiving one. While it is pending both communes see the file (ACCESS-PRINCIPLES.md), but only
 * the sending side writes it; acceptance moves the file. Row-level security says the same:
 * - `person_read` (replacing the policy of migration 0006) adds persons with a pending transfer to
 *   the reader's area, with the same remit and minors conditions;
 * - `person_update` (replacing 0006's) lets the receiving side update the person only inside the
 *   acceptance of that very transfer (`pcmt.transfer_accept`, set by the service for that one
 *   transaction), and the new row must be in its area;
 * - `person_note_insert` (replacing 0006's) asks for write access, not just a read;
 * - `person_transfer` itself is visible and writable by the two ends, through its own columns
 *   (a policy that read `person` would recurse, since `person_read` reads this table).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_setting (
      key text PRIMARY KEY CHECK (key ~ '^[a-z0-9_.]{3,64}$'),
      value jsonb NOT NULL,
      citation text NOT NULL DEFAULT '',
      confirmed boolean NOT NULL,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES app_user (id)
    )
  `.execute(db);
  // DOMAIN.md states no deadline for the receiving commune to acknowledge a move; the only timer is
  // the 24-hour notice of Law 120/2025 (§4.3, §12, source S34). Hence a default marked unconfirmed,
  // in calendar days until the working-day calendar exists.
  await sql`
    INSERT INTO app_setting (key, value, citation, confirmed) VALUES (
      'person_transfer.acknowledge_days',
      '{"days": 3, "dayKind": "calendar"}',
      'Chưa có căn cứ: DOMAIN.md không nêu thời hạn xã nơi đến xác nhận tiếp nhận [NC]. Liên quan: Luật Phòng, chống ma túy số 120/2025/QH15 (từ 01/07/2026): người sử dụng trình báo công an nơi ở mới trong 24 giờ, Công an xã thông báo cho xã nơi đến trong 24 giờ.',
      false
    )
  `.execute(db);

  await sql`
    CREATE TABLE person_transfer (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES person (id),
      from_unit_id uuid NOT NULL REFERENCES admin_unit (id),
      from_unit_path text NOT NULL,
      from_province_code text NOT NULL CHECK (from_unit_path LIKE from_province_code || '.%'),
      to_unit_id uuid NOT NULL REFERENCES admin_unit (id),
      to_unit_path text NOT NULL,
      to_province_code text NOT NULL CHECK (to_unit_path LIKE to_province_code || '.%'),
      to_address_enc text,
      reason_enc text NOT NULL,
      requested_at timestamptz NOT NULL,
      requested_by uuid REFERENCES app_user (id),
      requested_by_username text,
      deadline_days integer NOT NULL CHECK (deadline_days >= 1),
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
      decided_at timestamptz,
      decided_by uuid REFERENCES app_user (id),
      decided_by_username text,
      note_enc text,
      CHECK (to_unit_path <> from_unit_path),
      CHECK ((status = 'pending') = (decided_at IS NULL))
    )
  `.execute(db);
  // One pending transfer per person; a second request is refused (409), and this closes the race.
  await sql`CREATE UNIQUE INDEX person_transfer_pending_person_idx ON person_transfer (person_id) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX person_transfer_person_idx ON person_transfer (person_id, requested_at DESC)`.execute(db);
  // Work queues look pending transfers up by either end, as a commune path or a province code.
  for (const column of ['to_unit_path', 'to_province_code', 'from_unit_path', 'from_province_code']) {
    await sql`
      CREATE INDEX ${sql.raw(`person_transfer_pending_${column}_idx`)} ON person_transfer (${sql.ref(column)}, due_date)
      WHERE status = 'pending'
    `.execute(db);
  }

  for (const table of ['app_setting', 'person_transfer']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  // Settings are legal parameters, not secrets: everyone reads them, the administrator edits them.
  await sql`CREATE POLICY app_setting_read ON app_setting FOR SELECT USING (true)`.execute(db);
  await sql`
    CREATE POLICY app_setting_update ON app_setting FOR UPDATE
      USING (pcmt_is_system() OR pcmt_has_role('system_admin'))
      WITH CHECK (pcmt_is_system() OR pcmt_has_role('system_admin'))
  `.execute(db);

  const area = sql`(SELECT current_setting('pcmt.area', true))`;
  const fromInArea = sql`(from_unit_path = ${area} OR from_province_code = ${area})`;
  const toInArea = sql`(to_unit_path = ${area} OR to_province_code = ${area})`;
  const personRead = sql`(SELECT coalesce(current_setting('pcmt.person_read', true), '') = 'on')`;
  const personWrite = sql`(SELECT coalesce(current_setting('pcmt.person_write', true), '') = 'on')`;
  await sql`
    CREATE POLICY person_transfer_read ON person_transfer FOR SELECT
      USING ((SELECT pcmt_is_system()) OR (${personRead} AND (${fromInArea} OR ${toInArea})))
  `.execute(db);
  await sql`
    CREATE POLICY person_transfer_insert ON person_transfer FOR INSERT
      WITH CHECK ((SELECT pcmt_is_system()) OR (${personWrite} AND ${fromInArea}))
  `.execute(db);
  await sql`
    CREATE POLICY person_transfer_update ON person_transfer FOR UPDATE
      USING ((SELECT pcmt_is_system()) OR (${personWrite} AND (${fromInArea} OR ${toInArea})))
      WITH CHECK ((SELECT pcmt_is_system()) OR (${personWrite} AND (${fromInArea} OR ${toInArea})))
  `.execute(db);

  // The person policies of migration 0006, with the pending-transfer clauses added. Settings are
  // read in sub-selects (init plans, once per query) and the transfer look-up is uncorrelated, so
  // it runs once per query too.
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
    )
  `.execute(db);
  const writable = sql`(SELECT pcmt_is_system())
    OR (${personWrite} AND (province_code = ${area} OR unit_path = ${area}) AND ${minorsRule})`;
  const accepting = sql`(${personWrite} AND id IN (SELECT t.person_id FROM person_transfer t
    WHERE t.status = 'pending'
      AND t.id = (SELECT nullif(current_setting('pcmt.transfer_accept', true), '')::uuid)
      AND (t.to_unit_path = ${area} OR t.to_province_code = ${area})))`;
  await sql`DROP POLICY person_update ON person`.execute(db);
  await sql`
    CREATE POLICY person_update ON person FOR UPDATE USING (${writable} OR ${accepting}) WITH CHECK (${writable})
  `.execute(db);

  // Notes are writes to the file: 0006 let anyone who reads the person add one, which would now
  // include the receiving commune before it accepts. Only writers of the person's area may.
  await sql`DROP POLICY person_note_insert ON person_note`.execute(db);
  await sql`
    CREATE POLICY person_note_insert ON person_note FOR INSERT WITH CHECK (
      (SELECT pcmt_is_system())
      OR (${personWrite} AND EXISTS (SELECT 1 FROM person p
                                     WHERE p.id = person_id AND (p.province_code = ${area} OR p.unit_path = ${area})))
    )
  `.execute(db);

  await sql`GRANT SELECT, UPDATE (value, citation, confirmed, version, updated_at, updated_by) ON app_setting TO pcmt_app`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT ON person_transfer TO pcmt_app`.execute(db);
  await sql`
    GRANT UPDATE (status, decided_at, decided_by, decided_by_username, note_enc) ON person_transfer TO pcmt_app
  `.execute(db);
}
