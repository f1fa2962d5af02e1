import type { ComplianceResponse } from '@shared/contracts/plans';
import { complianceTotals } from '@shared/plans/compliance';
import type { Executor } from '../../db/client';
import { auditCall } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { planBoard } from './plan-board';
import { complianceWorkbook } from './plan-compliance.export';
import { asCaller, catalogue, planOr404, today } from './plans.common';
import { mayReadPlan } from './plans.policy';
import type * as repo from './plans.repo';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Who reported, on time, late, returned, missing, or not yet due: per task, unit and deadline. */
export async function complianceOf(trx: Executor, ctx: ServiceContext, plan: repo.PlanRow): Promise<ComplianceResponse> {
  const day = today(ctx);
  const { tasks, communes, cells } = await planBoard(trx, plan, day);
  const cat = await catalogue(trx, ctx, [...tasks.map((t) => t.unit_path), ...communes]);
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
