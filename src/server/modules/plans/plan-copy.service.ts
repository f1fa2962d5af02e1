import { randomUUID } from 'node:crypto';
import type { PlanDto } from '@shared/contracts/plans';
import { shiftYears } from '@shared/plans/draft';
import { auditCall } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { asCaller, planOr404, provinceOf } from './plans.common';
import { mayReadPlan } from './plans.policy';
import * as repo from './plans.repo';
import { insertObjectives, planDto } from './plans.service';

/**
 * "Copy last year's Action Month plan" (issue #6 item 6): a new draft of the caller's with every
 * date moved by the years between the two plans; numbers, signer, theme and achieved values are
 * the new year's to fill, task progress starts again.
 */
export function copyPlan(ctx: ServiceContext, id: string, year: number): Promise<PlanDto> {
  const now = ctx.clock();
  return asCaller(ctx, async (trx, actor) => {
    const source = await planOr404(trx, id, (p) => mayReadPlan(actor, p), ctx);
    const fromYear = Number(source.period_from.slice(0, 4));
    const move = (iso: string) => shiftYears(iso, fromYear, year);
    const plan = await repo.insertPlan(trx, {
      id: randomUUID(),
      province_code: provinceOf(actor),
      owner_unit_path: actor.unitPath,
      owner_agency_code: actor.agencyCode,
      number: null,
      issued_on: null,
      issuer: source.issuer,
      signer: null,
      title: source.title.replaceAll(String(fromYear), String(year)),
      type: source.type,
      period_from: move(source.period_from),
      period_to: move(source.period_to),
      theme: null,
      refs: [],
      funding: source.funding,
      following_agency_code: source.following_agency_code,
      milestones: source.milestones.map((m) => ({ on: move(m.on), label: m.label })),
      deadlines: source.deadlines.map((d) => ({ ...d, by: move(d.by) })),
      parent_task_id: null,
      source_text: null,
      created_at: now,
      created_by: actor.userId,
      updated_at: now,
    });
    const objectives = await repo.listObjectives(trx, id);
    await insertObjectives(
      trx,
      plan.id,
      objectives.map((o) => ({
        text: o.text,
        targetValue: o.target_value === null ? null : Number(o.target_value),
        unit: o.unit,
        comparison: o.comparison,
        indicatorCode: o.indicator_code,
      })),
    );
    for (const task of await repo.listTasks(trx, id))
      await repo.insertTask(trx, {
        id: randomUUID(),
        plan_id: plan.id,
        position: task.position,
        assignee_name: task.assignee_name,
        agency_code: task.agency_code,
        unit_path: task.unit_path,
        co_leads: task.co_leads,
        content: task.content,
        due_on: task.due_on ? move(task.due_on) : null,
        report_deadlines: task.report_deadlines.map(move),
        updated_at: now,
      });
    await auditCall(trx, ctx, actor, {
      action: 'plan.copy',
      outcome: 'success',
      recordKind: 'plan',
      recordId: plan.id,
      details: { from: id, year },
    });
    return planDto(trx, ctx, actor, plan);
  });
}
