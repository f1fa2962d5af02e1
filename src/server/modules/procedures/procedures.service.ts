import type { Classification } from '@shared/contracts/persons';
import type {
  OpenProcedureBody,
  PersonProceduresResponse,
  ProcedureDto,
  ProcedureStepBody,
  ProcedureStepResponse,
} from '@shared/contracts/procedures';
import { todayInVietnam } from '@shared/dates';
import type { ProcedureKind } from '@shared/workflow';
import type { Transaction } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/types';
import { auditCall, requireActor } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { auditPersons, envelopeOf, scoped } from '../persons/person-access';
import { type EngineContext, reclassify, type StepRequest, takeStep } from './procedure-engine';
import { actionsFor, mayReadProcedures, mayWriteKind, openableFor, workflowActorOf } from './procedures.policy';
import { presentProcedures } from './procedures.presenter';
import * as repo from './procedures.repo';

/**
 * The procedures of a management file (issue #5): list them, open one, take a step. Each call is
 * one transaction: the step, its consequences, the classification and the audit event commit
 * together or not at all.
 */

function requireRead(ctx: ServiceContext): Actor {
  const actor = requireActor(ctx);
  if (ctx.enforcement !== 'database-only' && !mayReadProcedures(actor)) throw new AppError('FORBIDDEN');
  return actor;
}

function requireWrite(ctx: ServiceContext, kind: ProcedureKind): Actor {
  const actor = requireActor(ctx);
  if (ctx.enforcement !== 'database-only' && !mayWriteKind(actor, kind)) throw new AppError('FORBIDDEN');
  return actor;
}

async function findPerson(trx: Executor, personId: string) {
  const person = await trx
    .selectFrom('person')
    .selectAll()
    .where('id', '=', personId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return person;
}

function engineContext(ctx: ServiceContext, actor: Actor, trx: Transaction<DB>, person: EngineContext['person']): EngineContext {
  const now = ctx.clock();
  return {
    trx,
    envelope: envelopeOf(ctx),
    person,
    recordedBy: { userId: actor.userId, username: actor.username },
    today: todayInVietnam(now),
    now,
    locale: ctx.locale,
  };
}

/** The person's procedures as the actor may see them (row-level security) with what they may do next. */
async function loadDtos(
  ctx: ServiceContext,
  actor: Actor,
  trx: Executor,
  person: EngineContext['person'],
  only?: string,
): Promise<ProcedureDto[]> {
  const rows = (await repo.listForPerson(trx, person.id)).filter((r) => !only || r.id === only);
  const ids = rows.map((r) => r.id);
  const [steps, deadlines] = await Promise.all([repo.stepsOf(trx, ids), repo.deadlinesOf(trx, ids)]);
  const facilityIds = [...new Set(rows.map((r) => r.facility_id).filter((id): id is string => id !== null))];
  const facilities = facilityIds.length
    ? await trx.selectFrom('facility').select(['id', 'name']).where('id', 'in', facilityIds).execute()
    : [];
  const envelope = envelopeOf(ctx);
  return presentProcedures({
    rows,
    steps,
    deadlines,
    facilities: new Map(facilities.map((f) => [f.id, f.name])),
    envelope,
    dek: envelope.unwrap(person.data_key, 'person', person.id),
    today: todayInVietnam(ctx.clock()),
    actionsOf: (kind, state) => actionsFor(actor, kind, state),
  });
}

export async function listPersonProcedures(ctx: ServiceContext, personId: string): Promise<PersonProceduresResponse> {
  const actor = requireRead(ctx);
  return scoped(ctx, actor, async (trx) => {
    const person = await findPerson(trx, personId);
    const items = await loadDtos(ctx, actor, trx, person);
    await auditPersons(trx, ctx, actor, 'procedure.list', [person.id], { procedures: items.length });
    return {
      personId: person.id,
      classification: person.classification as Classification,
      items,
      openable: openableFor(actor),
    };
  });
}

export async function getProcedure(ctx: ServiceContext, id: string): Promise<ProcedureDto> {
  const actor = requireRead(ctx);
  return scoped(ctx, actor, async (trx) => {
    const row = await repo.findProcedure(trx, id);
    if (!row) throw new AppError('PROCEDURE_NOT_FOUND');
    const person = await findPerson(trx, row.person_id);
    const [dto] = await loadDtos(ctx, actor, trx, person, id);
    if (!dto) throw new AppError('PROCEDURE_NOT_FOUND');
    await auditCall(trx, ctx, actor, { action: 'procedure.read', outcome: 'success', recordKind: 'procedure', recordId: id });
    return dto;
  });
}

function stepRequest(body: OpenProcedureBody | ProcedureStepBody): StepRequest {
  return {
    action: body.action,
    decidedOn: body.decidedOn,
    decisionNo: body.decisionNo ?? null,
    decider: body.decider ?? null,
    unitName: body.unitName ?? null,
    data: body.data,
    attachmentIds: body.attachmentIds,
  };
}

async function answer(
  ctx: ServiceContext,
  actor: Actor,
  trx: Executor,
  engine: EngineContext,
  procedureId: string,
  opened: ProcedureStepResponse['opened'],
) {
  const classification = (await reclassify(engine)) as Classification;
  // The person row the engine holds has the data key the answer needs; no second read.
  const [procedure] = await loadDtos(ctx, actor, trx, engine.person, procedureId);
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND');
  return { procedure, opened, classification };
}

/** `POST /api/persons/:id/procedures`: opens a procedure with its first step. */
export async function openProcedure(
  ctx: ServiceContext,
  personId: string,
  body: OpenProcedureBody,
): Promise<ProcedureStepResponse> {
  const actor = requireWrite(ctx, body.kind);
  return scoped(ctx, actor, async (trx) => {
    const person = await findPerson(trx, personId);
    const engine = engineContext(ctx, actor, trx, person);
    const written = await takeStep(engine, body.kind, null, stepRequest(body), { system: false, actor: workflowActorOf(actor) });
    await auditCall(trx, ctx, actor, {
      action: 'procedure.open',
      outcome: 'success',
      recordKind: 'procedure',
      recordId: written.procedure.id,
      details: { kind: body.kind, action: body.action, personId: person.id, opened: written.opened.length },
    });
    return answer(ctx, actor, trx, engine, written.procedure.id, written.opened.slice(1));
  });
}

/** `POST /api/procedures/:id/steps`: the next step of a procedure (409 with the allowed ones). */
export async function takeProcedureStep(
  ctx: ServiceContext,
  id: string,
  body: ProcedureStepBody,
): Promise<ProcedureStepResponse> {
  const actor = requireActor(ctx);
  return scoped(ctx, actor, async (trx) => {
    const row = await repo.lockProcedure(trx, id);
    if (!row) throw new AppError('PROCEDURE_NOT_FOUND');
    requireWrite(ctx, row.kind as ProcedureKind);
    if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const person = await findPerson(trx, row.person_id);
    const engine = engineContext(ctx, actor, trx, person);
    const written = await takeStep(engine, row.kind as ProcedureKind, row, stepRequest(body), {
      system: false,
      actor: workflowActorOf(actor),
    });
    await auditCall(trx, ctx, actor, {
      action: 'procedure.step',
      outcome: 'success',
      recordKind: 'procedure',
      recordId: id,
      details: { kind: row.kind, action: body.action, personId: person.id, opened: written.opened.length },
    });
    return answer(ctx, actor, trx, engine, id, written.opened);
  });
}
