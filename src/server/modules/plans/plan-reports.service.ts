/** Progress reports on plan tasks, their review, and the files kept with plans and reports (issue #6 item 3). */
import { createHash, randomUUID } from 'node:crypto';
import type { PlanReportCreateBody, PlanReportDto } from '@shared/contracts/plans';
import { taskDeadlines } from '@shared/plans/compliance';
import type { Executor } from '../../db/client';
import { auditCall } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { sniffMediaType } from '../persons/person-attachments.service';
import { taskOr404 } from './plan-tasks.service';
import { asCaller, catalogue, decodeFile, enforce, fieldProblem, today } from './plans.common';
import { mayReadPlan, mayReview, reportingUnit } from './plans.policy';
import { presentReport } from './plans.presenter';
import * as repo from './plans.repo';

/** Reports as the API shows them, with unit names and their attachments. */
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
