import { type Kysely, sql } from 'kysely';

/**
 * Plans, their objectives and tasks, and the progress reports on tasks (issue #6; DOMAIN.md §7).
 *
 * A plan belongs to the unit and agency that keep it (`owner_unit_path`, `owner_agency_code`): the
 * provincial drug police keep the People's Committee's plan, a commune keeps its implementing plan
 * (`parent_task_id`: the parent plan's task it carries out). A task is given to a catalogue agency
 * in a unit; a commune-level agency given the province (`unit_path` of two digits) means every
 * commune reports. Plans are not personal data; the original document is kept as uploaded.
 *
 * Row-level security (docs/ACCESS.md), from `pcmt.plan_read` / `pcmt.plan_write` (the agency's
 * remit over plans) and the area:
 * - a plan is read within the area of its owner, and once issued by every plan reader of its
 *   province (a commune officer reads the provincial plan whose tasks it reports on);
 * - a plan, its objectives and tasks are written within the area of the owner;
 * - a report is written by the assignee: the reporter's agency and unit are the task's, the unit in
 *   the writer's area; a report is reviewed (updated) within the area of the plan's owner;
 * - the service adds the finer rules (which agency edits, who follows up).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plan (
      id uuid PRIMARY KEY,
      province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
      owner_unit_path text NOT NULL CHECK (owner_unit_path ~ '^[0-9]{2}(\\.[0-9]{5})?$'),
      owner_agency_code text NOT NULL REFERENCES agency (code),
      number text CHECK (char_length(number) <= 60),
      issued_on date,
      issuer text CHECK (char_length(issuer) <= 300),
      signer text CHECK (char_length(signer) <= 200),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 1000),
      type text NOT NULL CHECK (type IN ('annual', 'action_month', 'thematic', 'multi_year', 'other')),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'closed')),
      period_from date NOT NULL,
      period_to date NOT NULL,
      theme text CHECK (char_length(theme) <= 1000),
      refs text[] NOT NULL DEFAULT '{}',
      funding text CHECK (char_length(funding) <= 4000),
      following_agency_code text NOT NULL REFERENCES agency (code),
      milestones jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(milestones) = 'array'),
      deadlines jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(deadlines) = 'array'),
      parent_task_id uuid,
      source_text text,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES app_user (id),
      updated_at timestamptz NOT NULL,
      CHECK (period_from <= period_to),
      CHECK (owner_unit_path LIKE province_code || '%')
    )
  `.execute(db);
  await sql`CREATE INDEX plan_province_idx ON plan (province_code, period_from DESC)`.execute(db);
  await sql`
    CREATE TABLE plan_objective (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      position integer NOT NULL CHECK (position >= 1),
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
      target_value numeric,
      unit text CHECK (unit IN ('percent', 'count')),
      comparison text CHECK (comparison IN ('gte', 'lte', 'eq')),
      indicator_code text CHECK (indicator_code ~ '^[a-z][a-z0-9_.]{1,63}$'),
      achieved_value numeric,
      achieved_on date,
      achieved_by uuid REFERENCES app_user (id),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      UNIQUE (plan_id, position)
    )
  `.execute(db);
  await sql`
    CREATE TABLE plan_task (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      position integer NOT NULL CHECK (position >= 1),
      assignee_name text NOT NULL CHECK (char_length(assignee_name) BETWEEN 1 AND 300),
      agency_code text NOT NULL REFERENCES agency (code),
      unit_path text NOT NULL CHECK (unit_path ~ '^[0-9]{2}(\\.[0-9]{5})?$'),
      co_leads text[] NOT NULL DEFAULT '{}',
      content text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 8000),
      due_on date,
      report_deadlines jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(report_deadlines) = 'array'),
      status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done')),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      UNIQUE (plan_id, position)
    )
  `.execute(db);
  await sql`CREATE INDEX plan_task_assignee_idx ON plan_task (agency_code, unit_path)`.execute(db);
  await sql`ALTER TABLE plan ADD FOREIGN KEY (parent_task_id) REFERENCES plan_task (id)`.execute(db);
  await sql`CREATE INDEX plan_parent_task_idx ON plan (parent_task_id) WHERE parent_task_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE plan_report (
      id uuid PRIMARY KEY,
      task_id uuid NOT NULL REFERENCES plan_task (id),
      plan_id uuid NOT NULL REFERENCES plan (id),
      agency_code text NOT NULL REFERENCES agency (code),
      unit_path text NOT NULL CHECK (unit_path ~ '^[0-9]{2}(\\.[0-9]{5})?$'),
      period_from date NOT NULL,
      period_to date NOT NULL,
      deadline date,
      narrative text NOT NULL CHECK (char_length(narrative) BETWEEN 1 AND 20000),
      figures jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(figures) = 'array'),
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'returned')),
      review_comment text CHECK (char_length(review_comment) <= 4000),
      submitted_at timestamptz NOT NULL,
      submitted_by uuid NOT NULL REFERENCES app_user (id),
      submitted_by_name text NOT NULL,
      reviewed_at timestamptz,
      reviewed_by uuid REFERENCES app_user (id),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      CHECK (period_from <= period_to),
      CHECK ((status = 'submitted') = (reviewed_at IS NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX plan_report_task_idx ON plan_report (task_id, submitted_at)`.execute(db);
  await sql`CREATE INDEX plan_report_plan_idx ON plan_report (plan_id)`.execute(db);
  await sql`
    CREATE TABLE plan_document (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      report_id uuid REFERENCES plan_report (id),
      file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
      media_type text NOT NULL CHECK (char_length(media_type) <= 200),
      size_bytes integer NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea NOT NULL,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES app_user (id)
    )
  `.execute(db);
  await sql`CREATE INDEX plan_document_plan_idx ON plan_document (plan_id)`.execute(db);

  // A PC04 officer reports for "Công an tỉnh": an agency answers for itself and for its parent at
  // the same level (a division), not for a body above it at another level.
  await sql`
    CREATE FUNCTION pcmt_agency_answers_for(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT code = current_setting('pcmt.agency', true)
        OR code = (SELECT a.parent_code FROM agency a JOIN agency p ON p.code = a.parent_code AND p.level = a.level
                   WHERE a.code = current_setting('pcmt.agency', true))
    $$
  `.execute(db);
  const system = sql`(SELECT pcmt_is_system())`;
  const planRead = sql`(SELECT coalesce(current_setting('pcmt.plan_read', true), '') = 'on')`;
  const planWrite = sql`(SELECT coalesce(current_setting('pcmt.plan_write', true), '') = 'on')`;
  const area = sql`coalesce(current_setting('pcmt.area', true), '')`;
  // A plan reader sees the plans its area owns, and every issued plan of its province.
  const planReadable = sql`${system} OR (${planRead} AND (pcmt_in_area(owner_unit_path)
    OR (status <> 'draft' AND (${area} = '*' OR split_part(${area}, '.', 1) = province_code))))`;
  const planWritable = sql`${system} OR (${planWrite} AND pcmt_in_area(owner_unit_path))`;
  // Children follow their plan: the sub-select runs under the plan's own policy.
  const childReadable = sql`${system} OR EXISTS (SELECT 1 FROM plan p WHERE p.id = plan_id)`;
  const childWritable = sql`${system} OR (${planWrite} AND EXISTS (SELECT 1 FROM plan p WHERE p.id = plan_id AND pcmt_in_area(p.owner_unit_path)))`;
  // The assignee updates its task's progress: its agency, in the task's own unit. A task given to
  // every commune has no single assignee: no commune moves the province-wide status.
  const assignee = sql`(${planWrite} AND pcmt_agency_answers_for(agency_code) AND unit_path = ${area})`;

  for (const table of ['plan', 'plan_objective', 'plan_task', 'plan_report', 'plan_document']) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  await sql`CREATE POLICY plan_read ON plan FOR SELECT USING (${planReadable})`.execute(db);
  await sql`CREATE POLICY plan_insert ON plan FOR INSERT WITH CHECK (${planWritable})`.execute(db);
  await sql`CREATE POLICY plan_update ON plan FOR UPDATE USING (${planWritable}) WITH CHECK (${planWritable})`.execute(db);
  for (const table of ['plan_objective', 'plan_task', 'plan_report', 'plan_document']) {
    await sql`CREATE POLICY ${sql.raw(`${table}_read`)} ON ${sql.table(table)} FOR SELECT USING (${childReadable})`.execute(db);
  }
  await sql`CREATE POLICY plan_objective_insert ON plan_objective FOR INSERT WITH CHECK (${childWritable})`.execute(db);
  await sql`
    CREATE POLICY plan_objective_update ON plan_objective FOR UPDATE USING (${childWritable}) WITH CHECK (${childWritable})
  `.execute(db);
  await sql`CREATE POLICY plan_task_insert ON plan_task FOR INSERT WITH CHECK (${childWritable})`.execute(db);
  await sql`
    CREATE POLICY plan_task_update ON plan_task FOR UPDATE
      USING (${childWritable} OR (${childReadable} AND ${assignee}))
      WITH CHECK (${childWritable} OR (${childReadable} AND ${assignee}))
  `.execute(db);
  await sql`
    CREATE POLICY plan_report_insert ON plan_report FOR INSERT
      WITH CHECK (${system} OR (${planWrite} AND pcmt_in_area(unit_path) AND pcmt_agency_answers_for(agency_code)
        AND EXISTS (SELECT 1 FROM plan_task t WHERE t.id = task_id AND t.plan_id = plan_report.plan_id)))
  `.execute(db);
  await sql`
    CREATE POLICY plan_report_update ON plan_report FOR UPDATE USING (${childWritable}) WITH CHECK (${childWritable})
  `.execute(db);
  // A document goes with its plan (written by who writes the plan) or with a report (by its reporter).
  await sql`
    CREATE POLICY plan_document_insert ON plan_document FOR INSERT WITH CHECK (${childWritable}
      OR (${planWrite} AND report_id IS NOT NULL AND EXISTS (SELECT 1 FROM plan_report r WHERE r.id = report_id
        AND r.submitted_by = pcmt_user_id())))
  `.execute(db);

  await sql`GRANT SELECT, INSERT ON plan, plan_objective, plan_task, plan_report, plan_document TO pcmt_app`.execute(db);
  await sql`
    GRANT UPDATE (number, issued_on, issuer, signer, title, type, status, period_from, period_to, theme, refs, funding,
      following_agency_code, milestones, deadlines, version, updated_at) ON plan TO pcmt_app
  `.execute(db);
  await sql`
    GRANT UPDATE (text, target_value, unit, comparison, indicator_code, achieved_value, achieved_on, achieved_by, version)
      ON plan_objective TO pcmt_app
  `.execute(db);
  await sql`
    GRANT UPDATE (assignee_name, agency_code, unit_path, co_leads, content, due_on, report_deadlines, status, version, updated_at)
      ON plan_task TO pcmt_app
  `.execute(db);
  await sql`GRANT UPDATE (status, review_comment, reviewed_at, reviewed_by, version) ON plan_report TO pcmt_app`.execute(db);

  // Reminder lead time: the province's practice, not law; editable by the administrator.
  await sql`
    INSERT INTO app_setting (key, value, citation, confirmed) VALUES (
      'plan.reminder_days',
      '{"days": 3}',
      'Chưa có căn cứ: hạn báo cáo và việc đôn đốc do kế hoạch của từng tỉnh quy định (DOMAIN.md §7) [NC]. Mặc định nhắc trước 3 ngày.',
      false
    )
  `.execute(db);
}
