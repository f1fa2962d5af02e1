import { accessFor } from '@shared/permissions';
import {
  allowedActions,
  NEW_STATE,
  PROCEDURE_KINDS,
  PROCEDURES,
  type ProcedureKind,
  type Actor as WorkflowActor,
} from '@shared/workflow';
import { recordKindOf } from '@shared/workflow/record-kinds';
import type { Actor } from '../../platform/context';

/**
 * Who may read and take which steps of the procedures (docs/ACCESS.md): the agency's remit over
 * procedure and health records (src/shared/permissions.ts), then the agency the law gives each
 * step to (src/shared/workflow: `actors`). Row-level security applies area, minors and facility links.
 */

/** The agency kind as the state machines name the law's actors. */
export function workflowActorOf(actor: Actor): WorkflowActor | null {
  switch (actor.agencyKind) {
    case 'police':
    case 'people_committee':
    case 'health':
    case 'rehab':
    case 'court':
      return actor.agencyKind;
    default:
      return null;
  }
}

function grants(actor: Actor, kind: 'procedure' | 'health_record') {
  return actor.roles.map((role) => accessFor(role, { kind: actor.agencyKind, level: actor.agencyLevel }, kind));
}

/** Whether the actor reads any procedures (own remit or linked to their facility). */
export function mayReadProcedures(actor: Actor): boolean {
  return [...grants(actor, 'procedure'), ...grants(actor, 'health_record')].some((a) => a.read);
}

/**
 * Whether the actor may write procedures of this kind at all. Police refer to determination and
 * substitution treatment (writing the request) though those are health records they only read.
 */
export function mayWriteKind(actor: Actor, kind: ProcedureKind): boolean {
  if (grants(actor, recordKindOf(kind)).some((a) => a.write)) return true;
  return (kind === 'determination' || kind === 'ost') && grants(actor, 'procedure').some((a) => a.write && !a.linkedOnly);
}

/** The next actions the state machine allows and this actor may take. */
export function actionsFor(actor: Actor, kind: ProcedureKind, state: string): string[] {
  const who = workflowActorOf(actor);
  if (!who || !mayWriteKind(actor, kind)) return [];
  return allowedActions(kind, state, [who]);
}

/** Procedures the actor may open, with their opening action. */
export function openableFor(actor: Actor): { kind: ProcedureKind; action: string }[] {
  return PROCEDURE_KINDS.flatMap((kind) =>
    actionsFor(actor, kind, NEW_STATE)
      .filter((action) => PROCEDURES[kind].actions[action]?.from.includes(NEW_STATE))
      .map((action) => ({ kind, action })),
  );
}
