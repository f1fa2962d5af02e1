/**
 * Objectives and tasks of a plan (issue #6 items 2–3): added and changed by its editors; a task's
 * status also by its assignee.
 */
import { randomUUID } from 'node:crypto';
import type {
  PlanObjectiveInput,
  PlanObjectiveUpdateBody,
  PlanTaskDto,
  PlanTaskInput,
  PlanTaskUpdateBody,
} from '@shared/contracts/plans';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { auditCall } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { asCaller, catalogue, today } from './plans.common';
import { mayReadPlan, reportingUnit } from './plans.policy';
import { presentObjective, presentTask } from './plans.presenter';
import * as repo from './plans.repo';
import { checkTask, editablePlan, insertObjectives, taskUnitPath } from './plans.service';

export async function taskOr404(trx: Executor, ctx: ServiceContext, actor: Actor, id: string) {
  const task = await repo.findTask(trx, id);
  if (!task) throw new AppError('PLAN_TASK_NOT_FOUND');
  const plan = await repo.findPlan(trx, task.plan_id);
  if (!plan || (ctx.enforcement !== 'database-only' && !mayReadPlan(actor, plan))) throw new AppError('PLAN_TASK_NOT_FOUND');
  return { task, plan };
}

async function taskDto(
  trx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  plan: repo.PlanRow,
  task: repo.TaskRow,
): Promise<PlanTaskDto> {
  const cat = await catalogue(trx, ctx, [task.unit_path]);
  const counts = await repo.reportCounts(trx, plan.id);
  return presentTask(task, {
    names: cat.names,
    today: today(ctx),
    reportCount: counts.get(task.id) ?? 0,
    canReport: plan.status === 'issued' && reportingUnit(actor, task, cat.parents) !== null,
    implementing: [],
  });
}

export function addObjective(ctx: ServiceContext, planId: string, body: PlanObjectiveInput) {
  return asCaller(ctx, async (trx, actor) => {
    const plan = await editablePlan(trx, ctx, actor, planId);
    const position = await repo.nextPosition(trx, 'plan_objective', plan.id);
    await insertObjectives(trx, plan.id, [body], position);
    const row = (await repo.listObjectives(trx, plan.id)).find((o) => o.position === position);
    if (!row) throw new AppError('PLAN_OBJECTIVE_NOT_FOUND');
    await auditCall(trx, ctx, actor, {
      action: 'plan.objective.create',
      outcome: 'success',
      recordKind: 'plan',
      recordId: plan.id,
    });
    return presentObjective(row);
  });
}

/** Changes an objective; the achieved value (entered by hand until indicators exist) also on a closed plan. */
export function updateObjective(ctx: ServiceContext, id: string, body: z.infer<typeof PlanObjectiveUpdateBody>) {
  return asCaller(ctx, async (trx, actor) => {
    const objective = await repo.findObjective(trx, id);
    if (!objective) throw new AppError('PLAN_OBJECTIVE_NOT_FOUND');
    const onlyAchieved = Object.keys(body).every((k) => k === 'version' || k === 'achievedValue');
    await editablePlan(trx, ctx, actor, objective.plan_id, onlyAchieved).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'PLAN_NOT_FOUND' ? new AppError('PLAN_OBJECTIVE_NOT_FOUND') : error;
    });
    const { version, targetValue, indicatorCode, achievedValue, ...rest } = body;
    const row = await repo.updateObjective(trx, id, version, {
      ...rest,
      ...(targetValue !== undefined ? { target_value: targetValue } : {}),
      ...(indicatorCode !== undefined ? { indicator_code: indicatorCode } : {}),
      ...(achievedValue !== undefined
        ? { achieved_value: achievedValue, achieved_on: achievedValue === null ? null : today(ctx), achieved_by: actor.userId }
        : {}),
    });
    if (!row) throw new AppError('VERSION_CONFLICT');
    await auditCall(trx, ctx, actor, {
      action: 'plan.objective.update',
      outcome: 'success',
      recordKind: 'plan',
      recordId: row.plan_id,
    });
    return presentObjective(row);
  });
}

export function addTask(ctx: ServiceContext, planId: string, body: PlanTaskInput) {
  return asCaller(ctx, async (trx, actor) => {
    const plan = await editablePlan(trx, ctx, actor, planId);
    const cat = await catalogue(trx, ctx, []);
    checkTask(ctx, cat, plan.province_code, plan.period_to, body, ['body']);
    const unitPath = await taskUnitPath(trx, ctx, plan.province_code, body.unitCode, ['body', 'unitCode']);
    const row = await repo.insertTask(trx, {
      id: randomUUID(),
      plan_id: plan.id,
      position: await repo.nextPosition(trx, 'plan_task', plan.id),
      assignee_name: body.assigneeName,
      agency_code: body.agencyCode,
      unit_path: unitPath,
      co_leads: body.coLeads,
      content: body.content,
      due_on: body.dueOn,
      report_deadlines: body.reportDeadlines,
      updated_at: ctx.clock(),
    });
    await auditCall(trx, ctx, actor, {
      action: 'plan.task.create',
      outcome: 'success',
      recordKind: 'plan_task',
      recordId: row.id,
    });
    return taskDto(trx, ctx, actor, plan, row);
  });
}

/** The plan's editors change anything; the assignee changes only the progress status. */
export function updateTask(ctx: ServiceContext, id: string, body: z.infer<typeof PlanTaskUpdateBody>) {
  return asCaller(ctx, async (trx, actor) => {
    const { task, plan } = await taskOr404(trx, ctx, actor, id);
    const cat = await catalogue(trx, ctx, []);
    const onlyStatus = Object.keys(body).every((k) => k === 'version' || k === 'status');
    // A task given to every commune has no single assignee: a commune reports, but does not move its status.
    const assignee = plan.status === 'issued' && reportingUnit(actor, task, cat.parents) === task.unit_path;
    if (!(onlyStatus && assignee)) await editablePlan(trx, ctx, actor, plan.id);
    if (plan.status === 'closed') throw new AppError('PLAN_NOT_EDITABLE', { status: plan.status });
    const merged = {
      agencyCode: body.agencyCode ?? task.agency_code,
      unitCode: body.unitCode ?? (task.unit_path.split('.').pop() as string),
      dueOn: body.dueOn === undefined ? task.due_on : body.dueOn,
    };
    checkTask(ctx, cat, plan.province_code, plan.period_to, merged, ['body']);
    const unitPath =
      body.unitCode !== undefined
        ? await taskUnitPath(trx, ctx, plan.province_code, body.unitCode, ['body', 'unitCode'])
        : undefined;
    const { version, assigneeName, agencyCode, coLeads, dueOn, reportDeadlines, unitCode: _unit, ...rest } = body;
    const row = await repo.updateTask(trx, id, version, {
      ...rest,
      ...(assigneeName !== undefined ? { assignee_name: assigneeName } : {}),
      ...(agencyCode !== undefined ? { agency_code: agencyCode } : {}),
      ...(unitPath !== undefined ? { unit_path: unitPath } : {}),
      ...(coLeads !== undefined ? { co_leads: coLeads } : {}),
      ...(dueOn !== undefined ? { due_on: dueOn } : {}),
      ...(reportDeadlines !== undefined ? { report_deadlines: reportDeadlines } : {}),
      updated_at: ctx.clock(),
    });
    if (!row) throw new AppError('VERSION_CONFLICT');
    await auditCall(trx, ctx, actor, {
      action: 'plan.task.update',
      outcome: 'success',
      recordKind: 'plan_task',
      recordId: id,
      details: body.status ? { status: body.status } : {},
    });
    return taskDto(trx, ctx, actor, plan, row);
  });
}
