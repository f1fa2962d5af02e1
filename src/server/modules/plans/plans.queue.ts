import { addDays } from '@shared/calendar/iso-date';
import type { WorkQueueItemDto } from '@shared/contracts/work-queue';
import { todayInVietnam } from '@shared/dates';
import type { Executor } from '../../db/client';
import type { Actor, ServiceContext } from '../../platform/context';
import { planBoard } from './plan-board';
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
  const cat = await catalogue(trx, ctx, [actor.unitPath]);
  // The work queue is the home page: read only the plans that could hold the caller's work, those
  // whose tasks or follow-up belong to its agency (or the agency it is a division of).
  const agencies = [actor.agencyCode, cat.parents.get(actor.agencyCode)].filter((code): code is string => !!code);
  const plans = (await repo.listPlans(trx, { status: 'issued', agencies }, 500)).filter((p) => !checked || mayReadPlan(actor, p));
  const items: PlanItem[] = [];
  for (const plan of plans) {
    const ref = { planId: plan.id, planTitle: plan.title, planNumber: plan.number };
    // Only the caller's own commune of the tasks given to every commune.
    const { tasks, reports, cells } = await planBoard(trx, plan, today, [actor.unitPath]);
    const mine = new Map(tasks.filter((t) => reportingUnit(actor, t, cat.parents) !== null).map((t) => [t.id, t]));
    for (const cell of cells) {
      const task = mine.get(cell.taskId);
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
    if (!mayReview(actor, plan, cat.parents)) continue;
    const waiting = reports.filter((r) => r.status === 'submitted');
    const names = (
      await catalogue(
        trx,
        ctx,
        waiting.map((r) => r.unit_path),
      )
    ).names;
    const positions = new Map(tasks.map((t) => [t.id, t.position]));
    for (const report of waiting) {
      const unit = names.unit(report.unit_path);
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
