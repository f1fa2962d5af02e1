import { addDays } from '@shared/calendar/iso-date';
import type { WorkQueueItemDto, WorkQueueResponse } from '@shared/contracts/work-queue';
import { todayInVietnam } from '@shared/dates';
import type { ProcedureKind } from '@shared/workflow';
import { requireActor } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { actorArea, auditPersons, hasPersonAccess, inArea, scoped } from '../persons/person-access';
import * as transfers from '../persons/person-transfers.repo';
import { mayWritePlans } from '../plans/plans.policy';
import { planQueueItems } from '../plans/plans.queue';
import { mayReadProcedures } from '../procedures/procedures.policy';
import { DUE_SOON_DAYS } from '../procedures/procedures.presenter';
import * as repo from './work-queue.repo';

const MAX_QUEUE_ITEMS = 200;

/**
 * "Việc cần làm" (USER-JOURNEYS.md; issue #5 item 6): residence transfers waiting for the unit,
 * procedure deadlines overdue or due within 7 days, and plan reports to send or review (issue #6),
 * oldest deadline first, each person shown audited.
 */
export async function getWorkQueue(ctx: ServiceContext, scope: 'unit' | 'mine' = 'unit'): Promise<WorkQueueResponse> {
  const actor = requireActor(ctx);
  const today = todayInVietnam(ctx.clock());
  const area = actorArea(actor);
  const checked = ctx.enforcement !== 'database-only';
  const readsTransfers = (!checked || hasPersonAccess(actor, 'read')) && area !== '' && area !== '*' && scope === 'unit';
  const readsDeadlines = (!checked || mayReadProcedures(actor)) && area !== '*';
  // Plan reports to send or review (issue #6): the unit's work, so not in the "mine" view.
  const readsPlans = (!checked || mayWritePlans(actor)) && area !== '' && scope === 'unit';
  if (!readsTransfers && !readsDeadlines && !readsPlans) return { today, items: [] };
  return scoped(ctx, actor, async (trx) => {
    const items: WorkQueueItemDto[] = [];
    if (readsTransfers) {
      for (const row of await transfers.listPendingInArea(trx, area, MAX_QUEUE_ITEMS)) {
        const incoming = inArea(row.to_unit_path, area);
        const outgoing = inArea(row.from_unit_path, area);
        items.push({
          kind: 'transfer',
          direction: incoming && outgoing ? 'internal' : incoming ? 'incoming' : 'outgoing',
          transferId: row.id,
          personId: row.person_id,
          fullName: row.full_name,
          birthYear: row.birth_year,
          fromUnit: { code: row.from_code, fullName: row.from_full_name },
          toUnit: { code: row.to_code, fullName: row.to_full_name },
          requestedAt: row.requested_at.toISOString(),
          dueDate: row.due_date,
          overdue: today > row.due_date,
        });
      }
    }
    if (readsDeadlines) {
      const rows = await repo.listDeadlinesDue(trx, {
        area: actor.facilityId ? '' : area,
        until: addDays(today, DUE_SOON_DAYS),
        recordedBy: scope === 'mine' ? actor.userId : null,
        limit: MAX_QUEUE_ITEMS,
      });
      for (const row of rows) {
        items.push({
          kind: 'deadline',
          deadlineId: row.id,
          procedureId: row.procedure_id,
          procedureKind: row.kind as ProcedureKind,
          timer: row.timer,
          term: row.term,
          confirmed: row.confirmed,
          personId: row.person_id,
          fullName: row.full_name,
          birthYear: row.birth_year,
          unit: { code: row.unit_code, fullName: row.unit_full_name },
          startsOn: row.starts_on,
          dueDate: row.due_on as string,
          overdue: today > (row.due_on as string),
        });
      }
    }
    if (readsPlans) items.push(...(await planQueueItems(trx, ctx, actor, today, DUE_SOON_DAYS)));
    items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const persons = items.flatMap((i) => ('personId' in i ? [i.personId] : []));
    await auditPersons(trx, ctx, actor, 'person.work_queue', [...new Set(persons)]);
    return { today, items: items.slice(0, MAX_QUEUE_ITEMS) };
  });
}
