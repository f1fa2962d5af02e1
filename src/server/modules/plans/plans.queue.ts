import { addDays } from '@shared/calendar/iso-date';
import type { WorkQueueItemDto } from '@shared/contracts/work-queue';
import { todayInVietnam } from '@shared/dates';
import { complianceCells, isEveryCommuneTask } from '@shared/plans/compliance';
import type { Executor } from '../../db/client';
import type { Actor, ServiceContext } from '../../platform/context';
import { catalogue } from './plans.common';
import { mayReadPlan, mayReview, reportingUnit } from './plans.policy';
import * as repo from './plans.repo';

type PlanItem = Extract<WorkQueueItemDto, { kind: 'plan_report' | 'plan_review' }>;

/**
 * The plan work of the caller's unit for "Việc cần làm" (USER-JOURNEYS.md: commune police report
 * on their plan tasks; the provincial police review the agencies' reports): reports it owes on
 * issued plans, due within `soonDays`, returned for correction, or missing; and reports waiting
 * for its review. Row-level security limits the plans read; the policy picks the caller's own.
 */
export async function planQueueItems(trx: Executor, ctx: ServiceContext, actor: Actor, today: string, soonDays: number) {
  const checked = ctx.enforcement !== 'database-only';
  const plans = (await repo.listPlans(trx, { status: 'issued' }, 500)).filter((p) => !checked || mayReadPlan(actor, p));
  if (plans.length === 0) return [];
  const cat = await catalogue(trx, ctx, [actor.unitPath]);
  const items: PlanItem[] = [];
  for (const plan of plans) {
    const ref = { planId: plan.id, planTitle: plan.title, planNumber: plan.number };
    const tasks = (await repo.listTasks(trx, plan.id)).filter((task) => reportingUnit(actor, task, cat.parents) !== null);
    const reviews = mayReview(actor, plan, cat.parents);
    if (tasks.length === 0 && !reviews) continue;
    const reports = await repo.listReports(trx, { planId: plan.id });
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
      // Only the caller's own commune, for tasks given to every commune.
      communes: tasks.some((t) => isEveryCommuneTask({ agencyCode: t.agency_code, unitPath: t.unit_path }))
        ? [actor.unitPath]
        : [],
      today,
    });
    for (const cell of cells) {
      const task = tasks.find((t) => t.id === cell.taskId);
      if (!task || cell.unitPath !== actor.unitPath) continue;
      const due =
        cell.state === 'missing' ||
        cell.state === 'returned' ||
        (cell.state === 'pending' && cell.deadline <= addDays(today, soonDays));
      if (!due) continue;
      items.push({
        kind: 'plan_report',
        ...ref,
        taskId: task.id,
        taskPosition: task.position,
        assigneeName: task.assignee_name,
        state: cell.state as 'pending' | 'returned' | 'missing',
        dueDate: cell.deadline,
        overdue: today > cell.deadline,
      });
    }
    if (!reviews) continue;
    const waiting = reports.filter((r) => r.status === 'submitted');
    const names = await catalogue(
      trx,
      ctx,
      waiting.map((r) => r.unit_path),
    );
    const positions = new Map((await repo.listTasks(trx, plan.id)).map((t) => [t.id, t.position]));
    for (const report of waiting) {
      const unit = names.names.unit(report.unit_path);
      items.push({
        kind: 'plan_review',
        ...ref,
        reportId: report.id,
        taskPosition: positions.get(report.task_id) ?? 0,
        unit: { code: unit.code, fullName: unit.name },
        submittedAt: report.submitted_at.toISOString(),
        dueDate: todayInVietnam(report.submitted_at),
        overdue: false,
      });
    }
  }
  return items;
}
