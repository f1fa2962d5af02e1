import { createHash, randomUUID } from 'node:crypto';
import type {
  PlanCreateBody,
  PlanDto,
  PlanObjectiveInput,
  PlansResponse,
  PlanTaskInput,
  PlanUpdateBody,
} from '@shared/contracts/plans';
import { planSourceText } from '@shared/plans/highlight';
import { searchWords } from '@shared/text/vi';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { auditCall, requireActor, scopeOf } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import { extractPlanText } from './plan-document';
import { type Catalogue, catalogue, decodeFile, enforce, fieldProblem, planOr404, provinceOf, today } from './plans.common';
import { mayEditPlan, mayReadPlan, mayReadPlans, mayReview, mayWritePlans, reportingUnit } from './plans.policy';
import { presentDocument, presentObjective, presentSummary, presentTask } from './plans.presenter';
import * as repo from './plans.repo';

/** The newest plans first; a province keeps a few hundred a year (filters narrow further). */
const LIST_LIMIT = 500;

export async function listPlansFor(
  ctx: ServiceContext,
  query: { status?: string; type?: string; year?: number; q?: string },
): Promise<z.infer<typeof PlansResponse>> {
  const actor = requireActor(ctx);
  enforce(ctx, mayReadPlans(actor));
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const words = query.q ? searchWords(query.q) : [];
      const rows = (await repo.listPlans(trx, { ...query, words }, LIST_LIMIT)).filter(
        (row) => ctx.enforcement === 'database-only' || mayReadPlan(actor, row),
      );
      const { names } = await catalogue(
        trx,
        ctx,
        rows.map((r) => r.owner_unit_path),
      );
      await auditCall(trx, ctx, actor, {
        action: 'plan.list',
        outcome: 'success',
        recordKind: 'plan',
        details: { count: rows.length },
      });
      return { items: rows.map((row) => presentSummary(row, names)) };
    },
    ctx.clock(),
  );
}

/** The whole plan page: header, objectives, tasks with roll-up, documents, and what the caller may do. */
export async function planDto(trx: Executor, ctx: ServiceContext, actor: Actor, plan: repo.PlanRow): Promise<PlanDto> {
  const [objectives, tasks, counts, documents] = await Promise.all([
    repo.listObjectives(trx, plan.id),
    repo.listTasks(trx, plan.id),
    repo.reportCounts(trx, plan.id),
    repo.listDocuments(trx, plan.id),
  ]);
  const implementing = await repo.implementingPlans(
    trx,
    tasks.map((t) => t.id),
  );
  const cat = await catalogue(trx, ctx, [
    plan.owner_unit_path,
    ...tasks.map((t) => t.unit_path),
    ...implementing.map((p) => p.owner_unit_path),
  ]);
  const day = today(ctx);
  return {
    ...presentSummary(
      { ...plan, task_count: tasks.length, tasks_done: tasks.filter((t) => t.status === 'done').length },
      cat.names,
    ),
    parentPlanId: plan.parent_task_id ? ((await repo.findTask(trx, plan.parent_task_id))?.plan_id ?? null) : null,
    signer: plan.signer,
    theme: plan.theme,
    references: plan.refs,
    funding: plan.funding,
    followingAgencyCode: plan.following_agency_code,
    ownerUnitCode: cat.names.unit(plan.owner_unit_path).code,
    parentTaskId: plan.parent_task_id,
    milestones: plan.milestones,
    deadlines: plan.deadlines,
    objectives: objectives.map(presentObjective),
    tasks: tasks.map((task) =>
      presentTask(task, {
        names: cat.names,
        today: day,
        reportCount: counts.get(task.id) ?? 0,
        canReport: plan.status === 'issued' && reportingUnit(actor, task, cat.parents) !== null,
        implementing: implementing
          .filter((p) => p.parent_task_id === task.id)
          .map((p) => ({
            id: p.id,
            title: p.title,
            unitName: cat.names.unit(p.owner_unit_path).name,
            tasksDone: p.tasks_done,
            tasksTotal: p.tasks_total,
          })),
      }),
    ),
    documents: documents.filter((d) => d.report_id === null).map(presentDocument),
    sourceText: plan.source_text,
    canEdit: plan.status !== 'closed' && mayEditPlan(actor, plan),
    canReview: mayReview(actor, plan, cat.parents),
    version: plan.version,
  };
}

export async function getPlanFor(ctx: ServiceContext, id: string): Promise<PlanDto> {
  const actor = requireActor(ctx);
  enforce(ctx, mayReadPlans(actor));
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const plan = await planOr404(trx, id, (p) => mayReadPlan(actor, p), ctx);
      await auditCall(trx, ctx, actor, { action: 'plan.read', outcome: 'success', recordKind: 'plan', recordId: id });
      return planDto(trx, ctx, actor, plan);
    },
    ctx.clock(),
  );
}

/** Checks one task's assignee and dates; field errors name `base` + the field. */
export function checkTask(
  ctx: ServiceContext,
  cat: Catalogue,
  provinceCode: string,
  periodTo: string,
  task: Pick<PlanTaskInput, 'agencyCode' | 'unitCode' | 'dueOn'>,
  base: (string | number)[],
): void {
  const agency = cat.agencies.get(task.agencyCode);
  if (!agency) throw fieldProblem(ctx, [...base, 'agencyCode'], 'PLAN_AGENCY_UNKNOWN');
  if (task.unitCode.length === 5 && agency.level !== 'commune') throw fieldProblem(ctx, [...base, 'unitCode'], 'PLAN_UNIT_LEVEL');
  if (task.unitCode.length === 2 && task.unitCode !== provinceCode)
    throw fieldProblem(ctx, [...base, 'unitCode'], 'PLAN_UNIT_UNKNOWN');
  if (task.dueOn && task.dueOn > periodTo)
    throw fieldProblem(ctx, [...base, 'dueOn'], 'PLAN_TASK_AFTER_END', { end: periodTo.split('-').reverse().join('/') });
}

/** The unit path of a task's unit code: the province, or one of its current communes. */
export async function taskUnitPath(
  trx: Executor,
  ctx: ServiceContext,
  provinceCode: string,
  unitCode: string,
  path: (string | number)[],
): Promise<string> {
  if (unitCode === provinceCode) return provinceCode;
  const commune = (await repo.communesOf(trx, provinceCode, today(ctx))).find((u) => u.code === unitCode);
  if (!commune) throw fieldProblem(ctx, path, 'PLAN_UNIT_UNKNOWN');
  return commune.path;
}

function checkPeriod(ctx: ServiceContext, from: string, to: string) {
  if (from > to) throw fieldProblem(ctx, ['body', 'periodTo'], 'PLAN_PERIOD_ORDER');
}

export async function insertObjectives(trx: Executor, planId: string, items: PlanObjectiveInput[], first = 1) {
  for (const [i, o] of items.entries())
    await repo.insertObjective(trx, {
      id: randomUUID(),
      plan_id: planId,
      position: first + i,
      text: o.text,
      target_value: o.targetValue,
      unit: o.unit,
      comparison: o.comparison,
      indicator_code: o.indicatorCode,
    });
}

/** A new draft plan (by hand, from a template, or a confirmed import with its original document). */
export async function createPlan(ctx: ServiceContext, body: PlanCreateBody, limitBytes: number): Promise<PlanDto> {
  const actor = requireActor(ctx);
  enforce(ctx, mayWritePlans(actor));
  checkPeriod(ctx, body.periodFrom, body.periodTo);
  const source = body.source ? decodeFile(body.source.contentBase64, limitBytes) : null;
  const extracted = source ? await extractPlanText(source) : null;
  const now = ctx.clock();
  const province = provinceOf(actor);
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const cat = await catalogue(trx, ctx, []);
      if (!cat.agencies.has(body.followingAgencyCode))
        throw fieldProblem(ctx, ['body', 'followingAgencyCode'], 'PLAN_AGENCY_UNKNOWN');
      const paths: string[] = [];
      for (const [i, task] of body.tasks.entries()) {
        checkTask(ctx, cat, province, body.periodTo, task, ['body', 'tasks', i]);
        paths.push(await taskUnitPath(trx, ctx, province, task.unitCode, ['body', 'tasks', i, 'unitCode']));
      }
      if (body.parentTaskId) {
        const parent = await repo.findTask(trx, body.parentTaskId);
        if (!parent || !reportingUnit(actor, parent, cat.parents))
          throw fieldProblem(ctx, ['body', 'parentTaskId'], 'PLAN_PARENT_TASK');
      }
      const plan = await repo.insertPlan(trx, {
        id: randomUUID(),
        province_code: province,
        owner_unit_path: actor.unitPath,
        owner_agency_code: actor.agencyCode,
        number: body.number,
        issued_on: body.issuedOn,
        issuer: body.issuer,
        signer: body.signer,
        title: body.title,
        type: body.type,
        period_from: body.periodFrom,
        period_to: body.periodTo,
        theme: body.theme,
        refs: body.references,
        funding: body.funding,
        following_agency_code: body.followingAgencyCode,
        milestones: body.milestones,
        deadlines: body.deadlines,
        parent_task_id: body.parentTaskId,
        source_text: extracted ? planSourceText(extracted.text) : null,
        created_at: now,
        created_by: actor.userId,
        updated_at: now,
      });
      await insertObjectives(trx, plan.id, body.objectives);
      for (const [i, task] of body.tasks.entries())
        await repo.insertTask(trx, {
          id: randomUUID(),
          plan_id: plan.id,
          position: i + 1,
          assignee_name: task.assigneeName,
          agency_code: task.agencyCode,
          unit_path: paths[i] ?? province,
          co_leads: task.coLeads,
          content: task.content,
          due_on: task.dueOn,
          report_deadlines: task.reportDeadlines,
          updated_at: now,
        });
      if (source && extracted && body.source)
        await repo.insertDocument(trx, {
          id: randomUUID(),
          plan_id: plan.id,
          report_id: null,
          file_name: body.source.fileName,
          media_type: extracted.mediaType,
          size_bytes: source.length,
          sha256: createHash('sha256').update(source).digest('hex'),
          content: source,
          created_at: now,
          created_by: actor.userId,
        });
      await auditCall(trx, ctx, actor, {
        action: 'plan.create',
        outcome: 'success',
        recordKind: 'plan',
        recordId: plan.id,
        details: { tasks: body.tasks.length, objectives: body.objectives.length, imported: source !== null },
      });
      return planDto(trx, ctx, actor, plan);
    },
    now,
  );
}

/** A plan the caller may change, in a status that allows it. */
export async function editablePlan(trx: Executor, ctx: ServiceContext, actor: Actor, id: string, allowClosed = false) {
  const plan = await planOr404(trx, id, (p) => mayReadPlan(actor, p), ctx);
  enforce(ctx, mayEditPlan(actor, plan));
  if (plan.status === 'closed' && !allowClosed) throw new AppError('PLAN_NOT_EDITABLE', { status: plan.status });
  return plan;
}

export async function updatePlanFor(ctx: ServiceContext, id: string, body: PlanUpdateBody): Promise<PlanDto> {
  const actor = requireActor(ctx);
  enforce(ctx, mayWritePlans(actor));
  const now = ctx.clock();
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const plan = await editablePlan(trx, ctx, actor, id);
      const from = body.periodFrom ?? plan.period_from;
      const to = body.periodTo ?? plan.period_to;
      checkPeriod(ctx, from, to);
      if (body.followingAgencyCode && !(await catalogue(trx, ctx, [])).agencies.has(body.followingAgencyCode))
        throw fieldProblem(ctx, ['body', 'followingAgencyCode'], 'PLAN_AGENCY_UNKNOWN');
      const late = (await repo.listTasks(trx, id)).find((t) => t.due_on && t.due_on > to);
      if (late) throw fieldProblem(ctx, ['body', 'periodTo'], 'PLAN_TASK_AFTER_END', { end: to.split('-').reverse().join('/') });
      const { version, references, issuedOn, periodFrom, periodTo, followingAgencyCode, ...rest } = body;
      const row = await repo.updatePlan(trx, id, version, {
        ...rest,
        ...(references !== undefined ? { refs: references } : {}),
        ...(issuedOn !== undefined ? { issued_on: issuedOn } : {}),
        ...(periodFrom !== undefined ? { period_from: periodFrom } : {}),
        ...(periodTo !== undefined ? { period_to: periodTo } : {}),
        ...(followingAgencyCode !== undefined ? { following_agency_code: followingAgencyCode } : {}),
        updated_at: now,
      });
      if (!row) throw new AppError('VERSION_CONFLICT');
      await auditCall(trx, ctx, actor, { action: 'plan.update', outcome: 'success', recordKind: 'plan', recordId: id });
      return planDto(trx, ctx, actor, row);
    },
    now,
  );
}

const NEXT_STATUS: Record<string, string> = { draft: 'issued', issued: 'closed' };

export async function setPlanStatus(ctx: ServiceContext, id: string, body: { version: number; status: 'issued' | 'closed' }) {
  const actor = requireActor(ctx);
  enforce(ctx, mayWritePlans(actor));
  const now = ctx.clock();
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const plan = await editablePlan(trx, ctx, actor, id);
      if (NEXT_STATUS[plan.status] !== body.status)
        throw new AppError('PLAN_STATUS_INVALID', { from: plan.status, to: body.status });
      const row = await repo.updatePlan(trx, id, body.version, { status: body.status, updated_at: now });
      if (!row) throw new AppError('VERSION_CONFLICT');
      await auditCall(trx, ctx, actor, {
        action: 'plan.status',
        outcome: 'success',
        recordKind: 'plan',
        recordId: id,
        details: { from: plan.status, to: body.status },
      });
      return planDto(trx, ctx, actor, row);
    },
    now,
  );
}
