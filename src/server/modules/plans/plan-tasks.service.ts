import { createHash, randomUUID } from 'node:crypto';
import type {
  ComplianceResponse,
  PlanObjectiveInput,
  PlanObjectiveUpdateBody,
  PlanReportCreateBody,
  PlanReportDto,
  PlanTaskDto,
  PlanTaskInput,
  PlanTaskUpdateBody,
} from '@shared/contracts/plans';
import { todayInVietnam } from '@shared/dates';
import { complianceCells, complianceTotals, taskDeadlines } from '@shared/plans/compliance';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { auditCall, requireActor, scopeOf } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import { sniffMediaType } from '../persons/person-attachments.service';
import { complianceWorkbook } from './plan-compliance.export';
import { catalogue, decodeFile, enforce, fieldProblem, planOr404, today } from './plans.common';
import { mayReadPlan, mayReadPlans, mayReview, mayWritePlans, reportingUnit } from './plans.policy';
import { presentObjective, presentReport, presentTask } from './plans.presenter';
import * as repo from './plans.repo';
import { checkTask, editablePlan, insertObjectives, taskUnitPath } from './plans.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Runs a plan use case in the caller's scope. */
function asCaller<T>(ctx: ServiceContext, work: (trx: Executor, actor: Actor) => Promise<T>, write = true): Promise<T> {
  const actor = requireActor(ctx);
  enforce(ctx, write ? mayWritePlans(actor) : mayReadPlans(actor));
  return inScope(ctx.db, scopeOf(actor), (trx) => work(trx, actor), ctx.clock());
}

async function taskOr404(trx: Executor, ctx: ServiceContext, actor: Actor, id: string) {
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

async function reportDtos(trx: Executor, ctx: ServiceContext, rows: repo.ReportRow[], planId: string): Promise<PlanReportDto[]> {
  const cat = await catalogue(
    trx,
    ctx,
    rows.map((r) => r.unit_path),
  );
  const documents = await repo.listDocuments(trx, planId);
  return rows.map((row) => presentReport(row, cat.names, documents));
}

export function listTaskReports(ctx: ServiceContext, taskId: string) {
  return asCaller(
    ctx,
    async (trx, actor) => {
      const { task, plan } = await taskOr404(trx, ctx, actor, taskId);
      const rows = await repo.listReports(trx, { taskId: task.id });
      await auditCall(trx, ctx, actor, {
        action: 'plan.report.list',
        outcome: 'success',
        recordKind: 'plan_task',
        recordId: taskId,
      });
      return { items: await reportDtos(trx, ctx, rows, plan.id) };
    },
    false,
  );
}

/**
 * A progress report by the task's assignee, on an issued plan (issue #6 item 3). The period may
 * not start before the plan nor end in the future; the deadline it answers must be one of the task's.
 */
export function submitReport(ctx: ServiceContext, taskId: string, body: PlanReportCreateBody, limitBytes: number) {
  return asCaller(ctx, async (trx, actor) => {
    const { task, plan } = await taskOr404(trx, ctx, actor, taskId);
    const cat = await catalogue(trx, ctx, []);
    const unitPath = reportingUnit(actor, task, cat.parents);
    enforce(ctx, unitPath !== null);
    if (plan.status !== 'issued') throw new AppError('PLAN_NOT_ISSUED');
    const day = today(ctx);
    if (body.periodFrom > body.periodTo) throw fieldProblem(ctx, ['body', 'periodTo'], 'PLAN_PERIOD_ORDER');
    if (body.periodFrom < plan.period_from)
      throw fieldProblem(ctx, ['body', 'periodFrom'], 'PLAN_REPORT_BEFORE_PERIOD', {
        start: plan.period_from.split('-').reverse().join('/'),
      });
    if (body.periodTo > day) throw fieldProblem(ctx, ['body', 'periodTo'], 'PLAN_REPORT_FUTURE');
    const deadlines = taskDeadlines(
      { dueOn: task.due_on, reportDeadlines: task.report_deadlines },
      plan.deadlines.map((d) => d.by),
    );
    if (body.deadline && !deadlines.includes(body.deadline))
      throw fieldProblem(ctx, ['body', 'deadline'], 'PLAN_DEADLINE_UNKNOWN');
    const files = body.attachments.map((a) => ({ ...a, bytes: decodeFile(a.contentBase64, limitBytes) }));
    const now = ctx.clock();
    const row = await repo.insertReport(trx, {
      id: randomUUID(),
      task_id: task.id,
      plan_id: plan.id,
      agency_code: task.agency_code,
      unit_path: unitPath ?? actor.unitPath,
      period_from: body.periodFrom,
      period_to: body.periodTo,
      deadline: body.deadline,
      narrative: body.narrative,
      figures: body.figures,
      submitted_at: now,
      submitted_by: actor.userId,
      submitted_by_name: actor.displayName,
    });
    for (const file of files)
      await repo.insertDocument(trx, {
        id: randomUUID(),
        plan_id: plan.id,
        report_id: row.id,
        file_name: file.fileName,
        // What the bytes are (a name is only a claim); anything else downloads as plain bytes.
        media_type: sniffMediaType(file.bytes) ?? 'application/octet-stream',
        size_bytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        content: file.bytes,
        created_at: now,
        created_by: actor.userId,
      });
    if (body.progress && body.progress !== task.status && unitPath === task.unit_path)
      await repo.updateTask(trx, task.id, task.version, { status: body.progress, updated_at: now });
    await auditCall(trx, ctx, actor, {
      action: 'plan.report.create',
      outcome: 'success',
      recordKind: 'plan_report',
      recordId: row.id,
    });
    return (await reportDtos(trx, ctx, [row], plan.id))[0] as PlanReportDto;
  });
}

/** The following agency accepts a report or returns it for correction with a comment. */
export function reviewReport(
  ctx: ServiceContext,
  id: string,
  body: { version: number; decision: 'accept' | 'return'; comment: string | null },
) {
  return asCaller(ctx, async (trx, actor) => {
    const report = await repo.findReport(trx, id);
    const plan = report ? await repo.findPlan(trx, report.plan_id) : undefined;
    if (!report || !plan || (ctx.enforcement !== 'database-only' && !mayReadPlan(actor, plan)))
      throw new AppError('PLAN_REPORT_NOT_FOUND');
    const cat = await catalogue(trx, ctx, []);
    enforce(ctx, mayReview(actor, plan, cat.parents));
    if (report.status !== 'submitted') throw new AppError('PLAN_REPORT_REVIEWED');
    const row = await repo.updateReport(trx, id, body.version, {
      status: body.decision === 'accept' ? 'accepted' : 'returned',
      review_comment: body.comment,
      reviewed_at: ctx.clock(),
      reviewed_by: actor.userId,
    });
    if (!row) throw new AppError('VERSION_CONFLICT');
    await auditCall(trx, ctx, actor, {
      action: 'plan.report.review',
      outcome: 'success',
      recordKind: 'plan_report',
      recordId: id,
      details: { decision: body.decision },
    });
    return (await reportDtos(trx, ctx, [row], plan.id))[0] as PlanReportDto;
  });
}

/** Who reported, on time, late, returned, missing, or not yet due: per task, unit and deadline. */
export async function complianceOf(trx: Executor, ctx: ServiceContext, plan: repo.PlanRow): Promise<ComplianceResponse> {
  const [tasks, reports] = await Promise.all([repo.listTasks(trx, plan.id), repo.listReports(trx, { planId: plan.id })]);
  const day = today(ctx);
  const communes = tasks.some((t) => !t.unit_path.includes('.')) ? await repo.communesOf(trx, plan.province_code, day) : [];
  const cells = complianceCells({
    tasks: tasks.map((t) => ({
      id: t.id,
      position: t.position,
      agencyCode: t.agency_code,
      unitPath: t.unit_path,
      dueOn: t.due_on,
      reportDeadlines: t.report_deadlines,
    })),
    planDeadlines: plan.deadlines.map((d) => d.by),
    reports: reports.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      unitPath: r.unit_path,
      deadline: r.deadline,
      submittedOn: todayInVietnam(r.submitted_at),
      submittedAt: r.submitted_at.toISOString(),
      status: r.status,
    })),
    communes: communes.map((c) => c.path),
    today: day,
  });
  const cat = await catalogue(trx, ctx, [...tasks.map((t) => t.unit_path), ...communes.map((c) => c.path)]);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return {
    planId: plan.id,
    asOf: day,
    totals: complianceTotals(cells),
    rows: cells.map((cell) => {
      const task = byId.get(cell.taskId) as repo.TaskRow;
      const unit = cat.names.unit(cell.unitPath);
      return {
        taskId: task.id,
        taskPosition: task.position,
        assigneeName: task.assignee_name,
        agencyCode: task.agency_code,
        agencyName: cat.names.agency(task.agency_code),
        unitCode: unit.code,
        unitName: unit.name,
        deadline: cell.deadline,
        state: cell.state,
        reportId: cell.report?.id ?? null,
        submittedAt: cell.report?.submittedAt ?? null,
        reviewStatus: cell.report?.status ?? null,
      };
    }),
  };
}

export function getCompliance(ctx: ServiceContext, planId: string) {
  return asCaller(
    ctx,
    async (trx, actor) => {
      const plan = await planOr404(trx, planId, (p) => mayReadPlan(actor, p), ctx);
      await auditCall(trx, ctx, actor, {
        action: 'plan.compliance.read',
        outcome: 'success',
        recordKind: 'plan',
        recordId: planId,
      });
      return complianceOf(trx, ctx, plan);
    },
    false,
  );
}

/** The board as an xlsx file (audited as an export of the plan's board). */
export function exportCompliance(ctx: ServiceContext, planId: string) {
  return asCaller(
    ctx,
    async (trx, actor) => {
      const plan = await planOr404(trx, planId, (p) => mayReadPlan(actor, p), ctx);
      const board = await complianceOf(trx, ctx, plan);
      await auditCall(trx, ctx, actor, {
        action: 'plan.compliance.export',
        outcome: 'success',
        recordKind: 'plan',
        recordId: planId,
        details: { rows: board.rows.length },
      });
      const file = await complianceWorkbook(plan, board);
      return { ...file, contentType: XLSX };
    },
    false,
  );
}

export function getPlanDocument(ctx: ServiceContext, id: string) {
  return asCaller(
    ctx,
    async (trx, actor) => {
      const document = await repo.findDocument(trx, id);
      const plan = document ? await repo.findPlan(trx, document.plan_id) : undefined;
      if (!document || !plan || (ctx.enforcement !== 'database-only' && !mayReadPlan(actor, plan)))
        throw new AppError('PLAN_DOCUMENT_NOT_FOUND');
      await auditCall(trx, ctx, actor, {
        action: 'plan.document.read',
        outcome: 'success',
        recordKind: 'plan_document',
        recordId: id,
      });
      return { fileName: document.file_name, contentType: document.media_type, content: document.content };
    },
    false,
  );
}
