import { todayInVietnam } from '@shared/dates';
import { complianceCells, isEveryCommuneTask } from '@shared/plans/compliance';
import type { Executor } from '../../db/client';
import * as repo from './plans.repo';

/**
 * The compliance cells of one plan from its stored tasks and reports (the pure rules are in
 * src/shared/plans/compliance.ts), for the board, the daily reminders and the work queue alike.
 * `communes` narrows the every-commune tasks to those communes (the work queue: the caller's own);
 * by default they cover every current commune of the province.
 */
export async function planBoard(trx: Executor, plan: repo.PlanRow, today: string, communes?: readonly string[]) {
  const [tasks, reports] = await Promise.all([repo.listTasks(trx, plan.id), repo.listReports(trx, { planId: plan.id })]);
  const everyCommune = tasks.some((t) => isEveryCommuneTask({ agencyCode: t.agency_code, unitPath: t.unit_path }));
  const communePaths = !everyCommune
    ? []
    : (communes ?? (await repo.communesOf(trx, plan.province_code, today)).map((c) => c.path));
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
    communes: communePaths,
    today,
  });
  return { tasks, reports, communes: communePaths, cells };
}
