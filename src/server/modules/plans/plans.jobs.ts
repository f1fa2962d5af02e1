import { addDays } from '@shared/calendar/iso-date';
import { formatDateVi } from '@shared/dates';
import { type JobContext, registerJobHandler } from '../jobs/jobs.service';
import { createNotifications, type NotificationInput } from '../notifications/notifications.service';
import { readSetting } from '../settings/settings.service';
import { planBoard } from './plan-board';

/**
 * The daily plan job (issue #6 item 5), once per Việt Nam date: for every issued plan, each unit
 * that has not reported on a task is reminded in the days before the deadline (`plan.reminder_days`), and once the
 * deadline has passed both it and the following agency are told the report is missing. Titles
 * carry the plan's number or title and the date; plans hold no personal data.
 */
type Recipients = (agencyCode: string, unitPath: string) => string[];

/** Active users by agency (or a division of it: PC04 answers for Công an tỉnh) and unit, loaded once per run. */
async function recipientsOf(ctx: JobContext): Promise<Recipients> {
  const rows = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.code', 'u.agency_code')
    .leftJoin('agency as parent', (join) => join.onRef('parent.code', '=', 'a.parent_code').onRef('parent.level', '=', 'a.level'))
    .select(['u.id', 'u.unit_path', 'a.code', 'parent.code as parent_code'])
    .where('u.disabled_at', 'is', null)
    .execute();
  return (agencyCode, unitPath) =>
    rows.filter((r) => r.unit_path === unitPath && (r.code === agencyCode || r.parent_code === agencyCode)).map((r) => r.id);
}

export async function runPlanReminders(ctx: JobContext, today: string) {
  const plans = await ctx.db.selectFrom('plan').selectAll().where('status', '=', 'issued').execute();
  const items: NotificationInput[] = [];
  // How many days ahead to remind: the setting `plan.reminder_days` (the province's practice, [NC]).
  const leadDays = (await readSetting(ctx.db, 'plan.reminder_days')).value.days;
  const usersOf = plans.length > 0 ? await recipientsOf(ctx) : () => [];
  for (const plan of plans) {
    const { tasks, cells } = await planBoard(ctx.db, plan, today);
    const name = plan.number ? `Kế hoạch ${plan.number}` : 'Kế hoạch';
    const link = `/plans/${plan.id}`;
    const outstanding = new Map<string, number>();
    for (const cell of cells) {
      const task = tasks.find((t) => t.id === cell.taskId);
      if (!task) continue;
      const key = `${cell.taskId}:${cell.unitPath}:${cell.deadline}`;
      const due = formatDateVi(cell.deadline) ?? cell.deadline;
      const soon = (cell.state === 'pending' || cell.state === 'returned') && cell.deadline <= addDays(today, leadDays);
      if (soon)
        for (const userId of usersOf(task.agency_code, cell.unitPath))
          items.push({
            userId,
            kind: 'plan.report_due',
            title: `Sắp đến hạn báo cáo (hạn ${due})`,
            body: `${name}, nhiệm vụ ${task.position}`,
            link,
            dedupeKey: `plan.report_due:${key}`,
          });
      // A report returned for correction and not resent by the deadline is as good as missing.
      if (cell.state === 'missing' || (cell.state === 'returned' && cell.deadline < today)) {
        outstanding.set(cell.deadline, (outstanding.get(cell.deadline) ?? 0) + 1);
        for (const userId of usersOf(task.agency_code, cell.unitPath))
          items.push({
            userId,
            kind: 'plan.report_missing',
            title: `Chưa báo cáo, đã quá hạn ${due}`,
            body: `${name}, nhiệm vụ ${task.position}`,
            link,
            dedupeKey: `plan.report_missing:${key}`,
          });
      }
    }
    // The following agency gets one notice per deadline, with the count, not one per commune.
    for (const [deadline, missing] of outstanding)
      for (const userId of usersOf(plan.following_agency_code, plan.owner_unit_path))
        items.push({
          userId,
          kind: 'plan.reports_missing',
          title: `${missing} báo cáo chưa đạt, đã quá hạn ${formatDateVi(deadline) ?? deadline}`,
          body: name,
          link,
          dedupeKey: `plan.reports_missing:${plan.id}:${deadline}`,
        });
  }
  const notified = await createNotifications(ctx.db, items, ctx.clock());
  ctx.logger.info({ plans: plans.length, notified }, 'plan reminders');
  return { plans: plans.length, notified };
}

registerJobHandler('plans.daily', (ctx, job) => runPlanReminders(ctx, job.runKey).then(() => undefined));
