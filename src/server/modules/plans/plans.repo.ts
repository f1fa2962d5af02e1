import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { PlanDocumentTable, PlanObjectiveTable, PlanReportTable, PlanTable, PlanTaskTable } from '../../db/types';

export type PlanRow = Selectable<PlanTable>;
export type ObjectiveRow = Selectable<PlanObjectiveTable>;
export type TaskRow = Selectable<PlanTaskTable>;
export type ReportRow = Selectable<PlanReportTable>;
export type DocumentMetaRow = Omit<Selectable<PlanDocumentTable>, 'content'>;

const json = (value: unknown) => JSON.stringify(value);

export interface PlanFilter {
  status?: string;
  type?: string;
  year?: number;
  /** Folded search words (letters and digits only); each must appear in the title, number, issuer or theme. */
  words?: string[];
  /** Only plans following up, or giving a task to, one of these agencies (the work queue's). */
  agencies?: string[];
}

/** Plans the scope reads (row-level security filters), newest period first, with task counts. */
export function listPlans(trx: Executor, filter: PlanFilter, limit: number) {
  let query = trx
    .selectFrom('plan as p')
    .selectAll('p')
    .select([
      sql<number>`(SELECT count(*)::int FROM plan_task t WHERE t.plan_id = p.id)`.as('task_count'),
      sql<number>`(SELECT count(*)::int FROM plan_task t WHERE t.plan_id = p.id AND t.status = 'done')`.as('tasks_done'),
      sql<string | null>`(SELECT t.plan_id FROM plan_task t WHERE t.id = p.parent_task_id)`.as('parent_plan_id'),
    ]);
  if (filter.status) query = query.where('p.status', '=', filter.status as PlanRow['status']);
  if (filter.type) query = query.where('p.type', '=', filter.type as PlanRow['type']);
  if (filter.year)
    query = query.where('p.period_from', '<=', `${filter.year}-12-31`).where('p.period_to', '>=', `${filter.year}-01-01`);
  if (filter.agencies) {
    const agencies = filter.agencies;
    query = query.where((eb) =>
      eb.or([
        eb('p.following_agency_code', 'in', agencies),
        eb.exists(
          eb
            .selectFrom('plan_task as t')
            .select('t.id')
            .whereRef('t.plan_id', '=', 'p.id')
            .where('t.agency_code', 'in', agencies),
        ),
      ]),
    );
  }
  // lower(f_unaccent(…)) folds as foldVi does (fold-parity.test.ts); the words hold no LIKE wildcards.
  for (const word of filter.words ?? [])
    query = query.where(
      sql<SqlBool>`lower(f_unaccent(concat_ws(' ', p.title, p.number, p.issuer, p.theme))) LIKE ${`%${word}%`}`,
    );
  return query.orderBy('p.period_from', 'desc').orderBy('p.created_at', 'desc').limit(limit).execute();
}

export function findPlan(trx: Executor, id: string) {
  return trx.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertPlan(
  trx: Executor,
  row: Omit<Insertable<PlanTable>, 'milestones' | 'deadlines'> & {
    milestones: { on: string; label: string }[];
    deadlines: { what: string; to: string | null; by: string }[];
  },
) {
  return trx
    .insertInto('plan')
    .values({ ...row, milestones: json(row.milestones), deadlines: json(row.deadlines) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type PlanPatch = Omit<Updateable<PlanTable>, 'milestones' | 'deadlines'> & {
  milestones?: { on: string; label: string }[];
  deadlines?: { what: string; to: string | null; by: string }[];
};

/** Optimistic update: nothing when `version` is stale. */
export function updatePlan(trx: Executor, id: string, version: number, patch: PlanPatch) {
  const { milestones, deadlines, ...rest } = patch;
  return trx
    .updateTable('plan')
    .set({
      ...rest,
      ...(milestones ? { milestones: json(milestones) } : {}),
      ...(deadlines ? { deadlines: json(deadlines) } : {}),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listObjectives(trx: Executor, planId: string) {
  return trx.selectFrom('plan_objective').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export function findObjective(trx: Executor, id: string) {
  return trx.selectFrom('plan_objective').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertObjective(trx: Executor, row: Insertable<PlanObjectiveTable>) {
  return trx.insertInto('plan_objective').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateObjective(trx: Executor, id: string, version: number, patch: Updateable<PlanObjectiveTable>) {
  return trx
    .updateTable('plan_objective')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listTasks(trx: Executor, planId: string) {
  return trx.selectFrom('plan_task').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export function findTask(trx: Executor, id: string) {
  return trx.selectFrom('plan_task').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertTask(
  trx: Executor,
  row: Omit<Insertable<PlanTaskTable>, 'report_deadlines'> & { report_deadlines: string[] },
) {
  return trx
    .insertInto('plan_task')
    .values({ ...row, report_deadlines: json(row.report_deadlines) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateTask(
  trx: Executor,
  id: string,
  version: number,
  patch: Omit<Updateable<PlanTaskTable>, 'report_deadlines'> & { report_deadlines?: string[] },
) {
  const { report_deadlines, ...rest } = patch;
  return trx
    .updateTable('plan_task')
    .set({ ...rest, ...(report_deadlines ? { report_deadlines: json(report_deadlines) } : {}), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function nextPosition(trx: Executor, table: 'plan_task' | 'plan_objective', planId: string): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select(sql<number>`coalesce(max(position), 0)::int`.as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/** Report counts per task. */
export async function reportCounts(trx: Executor, planId: string): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('plan_report')
    .select(['task_id', sql<number>`count(*)::int`.as('n')])
    .where('plan_id', '=', planId)
    .groupBy('task_id')
    .execute();
  return new Map(rows.map((r) => [r.task_id, r.n]));
}

export function listReports(trx: Executor, where: { planId?: string; taskId?: string }) {
  let query = trx.selectFrom('plan_report').selectAll();
  if (where.planId) query = query.where('plan_id', '=', where.planId);
  if (where.taskId) query = query.where('task_id', '=', where.taskId);
  return query.orderBy('submitted_at').execute();
}

export function findReport(trx: Executor, id: string) {
  return trx.selectFrom('plan_report').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertReport(trx: Executor, row: Omit<Insertable<PlanReportTable>, 'figures'> & { figures: unknown[] }) {
  return trx
    .insertInto('plan_report')
    .values({ ...row, figures: json(row.figures) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateReport(trx: Executor, id: string, version: number, patch: Updateable<PlanReportTable>) {
  return trx
    .updateTable('plan_report')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function insertDocument(trx: Executor, row: Insertable<PlanDocumentTable>) {
  return trx
    .insertInto('plan_document')
    .values(row)
    .returning(['id', 'plan_id', 'report_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_at', 'created_by'])
    .executeTakeFirstOrThrow();
}

export function listDocuments(trx: Executor, planId: string): Promise<DocumentMetaRow[]> {
  return trx
    .selectFrom('plan_document')
    .select(['id', 'plan_id', 'report_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_at', 'created_by'])
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .execute();
}

export function findDocument(trx: Executor, id: string) {
  return trx.selectFrom('plan_document').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Implementing plans of these tasks, with their tasks done / total (the roll-up to the parent task). */
export function implementingPlans(trx: Executor, taskIds: string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('plan as p')
    .select([
      'p.id',
      'p.title',
      'p.parent_task_id',
      'p.owner_unit_path',
      sql<number>`(SELECT count(*)::int FROM plan_task t WHERE t.plan_id = p.id)`.as('tasks_total'),
      sql<number>`(SELECT count(*)::int FROM plan_task t WHERE t.plan_id = p.id AND t.status = 'done')`.as('tasks_done'),
    ])
    .where('p.parent_task_id', 'in', taskIds)
    .orderBy('p.owner_unit_path')
    .execute();
}

/** The agency catalogue (names and parents); not personal data, no row-level security. */
export function listAgencies(trx: Executor) {
  return trx.selectFrom('agency').select(['code', 'kind', 'level', 'parent_code', 'name_vi', 'name_en']).execute();
}

/** Current units by path (names for the board). */
export function unitsByPath(trx: Executor, paths: string[], at: string) {
  if (paths.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('admin_unit as u')
    .select(['u.code', 'u.path', 'u.full_name', 'u.level'])
    .where('u.path', 'in', paths)
    .where(
      sql<SqlBool>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${at}::date)`,
    )
    .execute();
}

/** The communes of a province valid on `at`, in path order. */
export function communesOf(trx: Executor, provinceCode: string, at: string) {
  return trx
    .selectFrom('admin_unit as u')
    .select(['u.code', 'u.path', 'u.name'])
    .where('u.level', '=', 'commune')
    .where('u.path', 'like', `${provinceCode}.%`)
    .where(
      sql<SqlBool>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${at}::date)`,
    )
    .orderBy('u.path')
    .execute();
}
