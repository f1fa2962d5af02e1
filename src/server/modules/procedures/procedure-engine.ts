import { randomUUID } from 'node:crypto';
import type { WorkCalendar } from '@shared/calendar/holidays';
import { formatDateVi } from '@shared/dates';
import { ruleSetOn } from '@shared/rules';
import {
  classificationOf,
  NEW_STATE,
  PROCEDURES,
  type Problem,
  type ProcedureFacts,
  type ProcedureKind,
  runStep,
  type Actor as WorkflowActor,
} from '@shared/workflow';
import { recordKindOf } from '@shared/workflow/record-kinds';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonTable } from '../../db/types';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import { describeIssue } from '../../platform/validation';
import { loadWorkCalendar } from '../calendar/calendar.service';
import { checkFacility } from '../facilities/facilities.service';
import { rulesOn } from '../rules/rules.service';
import * as repo from './procedures.repo';
import { personFacts } from './procedures.repo';

/**
 * Takes one step of a procedure inside the caller's transaction: runs the state machine, then
 * writes the procedure, the step (its free text sealed under the person's key), the timers it
 * starts and stops, the facility link, the timeline entry, and whatever the law makes follow (a
 * determination request, the compulsory path, post-rehab management). Nothing is written when the
 * step is refused: the caller's transaction rolls back with the error.
 */

export interface StepRequest {
  action: string;
  decidedOn: string;
  decisionNo?: string | null;
  decider?: string | null;
  unitName?: string | null;
  data: Record<string, unknown>;
  attachmentIds?: string[];
}

export interface EngineContext {
  trx: Executor;
  envelope: Envelope;
  person: Selectable<PersonTable>;
  /** Who acts: a user (id, name) or the system (daily job, follow-ups). */
  recordedBy: { userId: string | null; username: string | null };
  today: string;
  now: Date;
  locale: 'vi' | 'en';
}

export interface StepWritten {
  procedure: repo.ProcedureRow;
  opened: { id: string; kind: ProcedureKind; state: string }[];
}

const CODE = /^[a-z0-9_]{1,40}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value may sit in clear in `procedure.data`: codes, numbers, dates, ids; never free text. */
function isStructured(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return true;
  if (typeof value === 'string') return CODE.test(value) || ISO_DATE.test(value) || UUID.test(value);
  if (Array.isArray(value)) return value.every(isStructured);
  return false;
}

function structuredOnly(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && isStructured(v)));
}

export function factsOf(row: repo.ProcedureRow): ProcedureFacts {
  return {
    id: row.id,
    kind: row.kind as ProcedureKind,
    state: row.state,
    openedOn: row.opened_on,
    lastOn: row.last_on,
    data: row.data,
  };
}

function invalid(
  problems: Problem[],
  locale: 'vi' | 'en',
  issues: { path: (string | number)[]; message: string }[] = [],
): AppError {
  return new AppError('VALIDATION_FAILED', {}, [
    ...issues,
    ...problems.map((p) => ({ path: ['body', ...p.path], message: p.message[locale] })),
  ]);
}

/** The helper's current load (education at commune: at most 3 persons at a time, NĐ 120/2021). */
async function helperLoadOf(ctx: EngineContext, helperName: unknown): Promise<number> {
  if (typeof helperName !== 'string') return 0;
  const wanted = helperName.normalize('NFC').trim().toLocaleLowerCase('vi');
  return repo.asSystem(ctx.trx, async () => {
    const active = await ctx.trx
      .selectFrom('procedure as pr')
      .innerJoin('person as p', 'p.id', 'pr.person_id')
      .innerJoin('procedure_step as s', (join) => join.onRef('s.procedure_id', '=', 'pr.id').on('s.action', '=', 'assign_helper'))
      .select(['s.id', 's.data_enc', 'p.id as person_id', 'p.data_key'])
      .where('pr.kind', '=', 'education_at_commune')
      .where('pr.state', '=', 'active')
      .where('p.unit_path', '=', ctx.person.unit_path)
      .execute();
    return active.filter((row) => {
      const dek = ctx.envelope.unwrap(row.data_key, 'person', row.person_id);
      const data = JSON.parse(
        ctx.envelope.decrypt(dek, row.data_enc, { table: 'procedure_step', column: 'data', recordId: row.id }),
      );
      return (
        String(data.helperName ?? '')
          .normalize('NFC')
          .trim()
          .toLocaleLowerCase('vi') === wanted
      );
    }).length;
  });
}

/**
 * One step. `procedure` null opens a new procedure of `kind`. `system` marks the law's own
 * consequences (and the daily job), which may take system-only actions.
 */
export async function takeStep(
  ctx: EngineContext,
  kind: ProcedureKind,
  procedure: repo.ProcedureRow | null,
  request: StepRequest,
  options: { system: boolean; actor: WorkflowActor | null; parentId?: string | null },
): Promise<StepWritten> {
  const definition = PROCEDURES[kind];
  const ruleSet = ruleSetOn(request.decidedOn);
  const rule = await rulesOn(ctx.trx, request.decidedOn);
  if (!ruleSet || !rule)
    throw invalid(
      [
        {
          path: ['decidedOn'],
          message: {
            vi: 'Không có bộ quy tắc pháp luật áp dụng trước 01/01/2022.',
            en: 'No rule set applies before 2022-01-01.',
          },
        },
      ],
      ctx.locale,
    );
  const calendar: WorkCalendar = await loadWorkCalendar(ctx.trx);
  // The guards read the whole file, whatever the actor may see of it: the law applies to all of it.
  const all = await repo.asSystem(ctx.trx, () => repo.listForPerson(ctx.trx, ctx.person.id));
  const id = procedure?.id ?? randomUUID();
  const current: ProcedureFacts = procedure
    ? factsOf(procedure)
    : { id, kind, state: NEW_STATE, openedOn: request.decidedOn, lastOn: request.decidedOn, data: {} };
  const result = runStep(
    kind,
    request.action,
    request.data,
    {
      person: personFacts(ctx.person),
      procedure: current,
      others: all.filter((p) => p.id !== id).map(factsOf),
      decidedOn: request.decidedOn,
      decisionNo: request.decisionNo ?? null,
      rule,
      calendar,
      today: ctx.today,
      helperLoad: request.action === 'assign_helper' ? await helperLoadOf(ctx, request.data.helperName) : undefined,
    },
    { system: options.system },
  );
  if (!result.ok && result.reason === 'not_allowed')
    throw new AppError(
      'PROCEDURE_ACTION_NOT_ALLOWED',
      { state: current.state, action: request.action, allowed: result.allowed.join(', ') || '—' },
      undefined,
      undefined,
      { allowed: result.allowed },
    );
  if (!result.ok) {
    const issues = result.issues.map((issue) => ({
      path: ['body', 'data', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: describeIssue(issue, ctx.locale),
    }));
    throw invalid(result.problems, ctx.locale, issues);
  }
  const action = definition.actions[request.action];
  if (!options.system && options.actor && action && !action.actors.includes(options.actor)) throw new AppError('FORBIDDEN');

  const attachments = request.attachmentIds ?? [];
  if (attachments.length > 0) {
    const found = await repo.attachmentsOfPerson(ctx.trx, ctx.person.id, attachments);
    if (found.length !== new Set(attachments).size)
      throw invalid(
        [
          {
            path: ['attachmentIds'],
            message: {
              vi: 'Tài liệu đính kèm phải thuộc hồ sơ của người này.',
              en: 'Attachments must belong to this person’s file.',
            },
          },
        ],
        ctx.locale,
      );
  }
  const { outcome } = result;
  const stepData = { ...request.data, ...(outcome.data ?? {}) };
  const facilityId = typeof stepData.facilityId === 'string' ? stepData.facilityId : (procedure?.facility_id ?? null);
  if (facilityId && facilityId !== procedure?.facility_id)
    await checkFacility(ctx.trx, facilityId, kind, request.action, ctx.person, request.decidedOn, ctx.locale);

  const data = JSON.stringify({ ...(procedure?.data ?? {}), ...structuredOnly(stepData) });
  const written = procedure
    ? await repo.updateProcedure(ctx.trx, id, procedure.version, {
        state: outcome.to,
        data,
        last_on: request.decidedOn,
        facility_id: facilityId,
        updated_at: ctx.now,
      })
    : await repo.insertProcedure(ctx.trx, {
        id,
        person_id: ctx.person.id,
        kind,
        record_kind: recordKindOf(kind),
        state: outcome.to,
        facility_id: facilityId,
        opened_on: request.decidedOn,
        last_on: request.decidedOn,
        rule_set_id: ruleSet.id,
        data,
        parent_id: options.parentId ?? null,
        created_at: ctx.now,
        created_by: ctx.recordedBy.userId,
        updated_at: ctx.now,
      });
  if (!written) throw new AppError('VERSION_CONFLICT');

  const dek = ctx.envelope.unwrap(ctx.person.data_key, 'person', ctx.person.id);
  const stepId = randomUUID();
  await repo.insertStep(ctx.trx, {
    id: stepId,
    procedure_id: id,
    person_id: ctx.person.id,
    seq: procedure ? await repo.nextSeq(ctx.trx, id) : 1,
    action: request.action,
    from_state: current.state,
    to_state: outcome.to,
    decided_on: request.decidedOn,
    decision_no: request.decisionNo ?? null,
    decider: request.decider ?? null,
    unit_name: request.unitName ?? null,
    rule_set_id: ruleSet.id,
    data_enc: ctx.envelope.encrypt(dek, JSON.stringify(stepData), { table: 'procedure_step', column: 'data', recordId: stepId }),
    unconfirmed_rules: outcome.unconfirmedRules ?? [],
    attachment_ids: attachments,
    by_system: options.system,
    recorded_at: ctx.now,
    recorded_by: ctx.recordedBy.userId,
    recorded_by_username: ctx.recordedBy.username,
  });
  await repo.closeDeadlines(ctx.trx, id, outcome.close ?? [], 'met', request.decidedOn);
  if (!definition.states[outcome.to]?.active) await repo.closeDeadlines(ctx.trx, id, 'all', 'cancelled', request.decidedOn);
  await repo.insertDeadlines(
    ctx.trx,
    (outcome.open ?? []).map((d) => ({
      id: randomUUID(),
      procedure_id: id,
      person_id: ctx.person.id,
      timer: d.timer,
      rule_key: d.ruleKey,
      rule_set_id: ruleSet.id,
      confirmed: d.confirmed,
      term: d.term,
      starts_on: d.startsOn,
      due_on: d.dueOn,
      status: 'open' as const,
      created_at: ctx.now,
    })),
  );
  if (facilityId)
    await repo.linkFacility(ctx.trx, { id: randomUUID(), procedure_id: id, person_id: ctx.person.id, facility_id: facilityId });
  const actionLabel = action?.label.vi ?? request.action;
  await repo.insertTimeline(ctx.trx, {
    person_id: ctx.person.id,
    at: ctx.now,
    kind: 'procedure.step',
    actor_user_id: ctx.recordedBy.userId,
    actor_username: ctx.recordedBy.username,
    summary: `${definition.label.vi}: ${actionLabel} (${formatDateVi(request.decidedOn)})`,
  });

  const opened: StepWritten['opened'] = procedure ? [] : [{ id, kind, state: outcome.to }];
  await repo.asSystem(ctx.trx, async () => {
    for (const side of outcome.sideSteps ?? []) {
      const other = await repo.lockProcedure(ctx.trx, side.procedureId);
      if (!other) continue;
      await takeStep(
        ctx,
        other.kind as ProcedureKind,
        other,
        { action: side.action, decidedOn: request.decidedOn, data: side.data },
        { system: true, actor: null },
      );
    }
    for (const follow of outcome.followUps ?? []) {
      try {
        const next = await takeStep(
          ctx,
          follow.kind,
          null,
          { action: follow.action, decidedOn: request.decidedOn, data: follow.data, decider: follow.reason },
          { system: true, actor: null, parentId: id },
        );
        opened.push(...next.opened);
      } catch (error) {
        // A consequence the law refuses for this person (e.g. compulsory rehab under 12) is not opened.
        if (!(error instanceof AppError) || error.status >= 500) throw error;
      }
    }
  });
  return { procedure: written, opened };
}

/** Recomputes a person's classification from all their procedures (DOMAIN.md §4.1). */
export async function recomputeClassification(trx: Executor, personId: string, now: Date): Promise<string> {
  return repo.asSystem(trx, async () => {
    const all = await repo.listForPerson(trx, personId);
    const classification = classificationOf(all.map(factsOf));
    await repo.setClassification(trx, personId, classification, now);
    return classification;
  });
}

export function reclassify(ctx: EngineContext): Promise<string> {
  return recomputeClassification(ctx.trx, ctx.person.id, ctx.now);
}
