import { addDays } from '@shared/calendar/iso-date';
import { formatDateVi } from '@shared/dates';
import { PROCEDURES, type ProcedureKind } from '@shared/workflow';
import { timerLabel } from '@shared/workflow/timer-labels';
import { sql } from 'kysely';
import type { Envelope } from '../../platform/envelope';
import { type JobContext, registerJobHandler } from '../jobs/jobs.service';
import { createNotifications, type NotificationInput } from '../notifications/notifications.service';
import { reclassify, takeStep } from './procedure-engine';
import { DUE_SOON_DAYS } from './procedures.presenter';

/**
 * The daily deadline job (issue #5 item 6), run once per Việt Nam date by the job table:
 * - ends management of illegal users whose year has run (Law 73/2021 Điều 23: the measure lasts
 *   one year; nobody decides its end), recorded as a system step;
 * - marks open deadlines that passed as overdue, once;
 * - tells the people who must act, in the app (and by e-mail when SMTP is configured): the commune
 *   police and People's Committee of the person's commune, and a facility's staff for procedures
 *   placed there. Reminders carry the timer and the date, never the person's name; the link opens
 *   the file under the usual access rules.
 */

interface DueRow {
  id: string;
  timer: string;
  due_on: string | null;
  procedure_id: string;
  kind: string;
  facility_id: string | null;
  person_id: string;
  unit_path: string;
}

async function recipients(ctx: JobContext, row: DueRow): Promise<string[]> {
  const users = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.code', 'u.agency_code')
    .select('u.id')
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('u.unit_path', '=', row.unit_path), eb('a.kind', 'in', ['police', 'people_committee'])]),
        ...(row.facility_id ? [eb('u.facility_id', '=', row.facility_id)] : []),
      ]),
    )
    .execute();
  return users.map((u) => u.id);
}

async function remind(ctx: JobContext, rows: DueRow[], kind: 'overdue' | 'due_soon'): Promise<number> {
  const items: NotificationInput[] = [];
  for (const row of rows) {
    const procedure = PROCEDURES[row.kind as ProcedureKind]?.label.vi ?? row.kind;
    const due = formatDateVi(row.due_on) ?? '';
    const title = `${kind === 'overdue' ? 'Quá hạn' : 'Sắp đến hạn'}: ${timerLabel(row.timer, 'vi')} (hạn ${due})`;
    for (const userId of await recipients(ctx, row))
      items.push({
        userId,
        kind: `deadline.${kind}`,
        title,
        body: `Thủ tục: ${procedure}`,
        link: `/persons/${row.person_id}`,
        dedupeKey: `deadline.${kind}:${row.id}`,
      });
  }
  return createNotifications(ctx.db, items, ctx.clock());
}

function dueRows(ctx: JobContext) {
  return ctx.db
    .selectFrom('procedure_deadline as d')
    .innerJoin('procedure as pr', 'pr.id', 'd.procedure_id')
    .innerJoin('person as p', 'p.id', 'pr.person_id')
    .select(['d.id', 'd.timer', 'd.due_on', 'd.procedure_id', 'pr.kind', 'pr.facility_id', 'p.id as person_id', 'p.unit_path'])
    .where('d.status', '=', 'open')
    .where('p.merged_into', 'is', null);
}

/** Ends managements whose term has run (`endDate` before today), as the system. */
async function expireManagements(ctx: JobContext, envelope: Envelope, today: string): Promise<number> {
  const due = await ctx.db
    .selectFrom('procedure')
    .selectAll()
    .where('kind', '=', 'illegal_user_management')
    .where('state', '=', 'active')
    .where(sql<boolean>`(data->>'endDate') < ${today}`)
    .execute();
  for (const procedure of due) {
    const person = await ctx.db.selectFrom('person').selectAll().where('id', '=', procedure.person_id).executeTakeFirstOrThrow();
    const engine = {
      trx: ctx.db,
      envelope,
      person,
      recordedBy: { userId: null, username: 'hệ thống' },
      today,
      now: ctx.clock(),
      locale: 'vi' as const,
    };
    await takeStep(
      engine,
      'illegal_user_management',
      procedure,
      { action: 'expire', decidedOn: String(procedure.data.endDate), data: {} },
      { system: true, actor: null },
    );
    await reclassify(engine);
  }
  return due.length;
}

export async function runDailyDeadlines(ctx: JobContext, today: string, envelope: Envelope | null) {
  const expired = envelope ? await expireManagements(ctx, envelope, today) : 0;
  const overdue = await dueRows(ctx).where('d.due_on', '<', today).where('d.overdue_marked_at', 'is', null).execute();
  if (overdue.length > 0)
    await ctx.db
      .updateTable('procedure_deadline')
      .set({ overdue_marked_at: ctx.clock() })
      .where(
        'id',
        'in',
        overdue.map((r) => r.id),
      )
      .execute();
  const soon = await dueRows(ctx).where('d.due_on', '>=', today).where('d.due_on', '<=', addDays(today, DUE_SOON_DAYS)).execute();
  const notified = (await remind(ctx, overdue, 'overdue')) + (await remind(ctx, soon, 'due_soon'));
  ctx.logger.info({ expired, overdue: overdue.length, dueSoon: soon.length, notified }, 'daily deadlines');
  return { expired, overdue: overdue.length, dueSoon: soon.length, notified };
}

registerJobHandler('deadlines.daily', (ctx, job) =>
  runDailyDeadlines(ctx, job.runKey, ctx.envelope ?? null).then(() => undefined),
);
