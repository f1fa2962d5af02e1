import { accessFor } from '@shared/permissions';
import { isEveryCommuneTask } from '@shared/plans/compliance';
import type { Actor } from '../../platform/context';
import { areaOf } from '../../platform/db-scope';
import type { PlanRow, TaskRow } from './plans.repo';

/**
 * Who may do what with plans (docs/ACCESS.md, ACCESS-PRINCIPLES.md "Plans, outreach, reports").
 * Row-level security (migration 0017) holds the area and the remit; these add the agency rules:
 * - a plan is changed by its owner agency, or by the police (the standing agency that follows up
 *   every plan, DOMAIN.md §3) or the People's Committee of the owner's area;
 * - a task is reported on by its assignee (the agency, or a division answering for it, as PC04 for
 *   "Công an tỉnh"; `parents` holds only same-level parents), from the task's unit or, for a task given to every commune, from a commune;
 * - reports are reviewed by the following agency ("Giao Công an tỉnh theo dõi, đôn đốc").
 */
export type AgencyParents = ReadonlyMap<string, string | null>;

function remit(actor: Actor, how: 'read' | 'write'): boolean {
  const agency = { kind: actor.agencyKind, level: actor.agencyLevel };
  return actor.roles.some((role) => accessFor(role, agency, 'plan')[how]);
}

export const mayReadPlans = (actor: Actor) => remit(actor, 'read');
export const mayWritePlans = (actor: Actor) => remit(actor, 'write');

/** Whether a unit path lies in the actor's area. */
export function inArea(actor: Actor, path: string): boolean {
  const area = areaOf(actor.roles, actor.unitPath);
  return area === '*' || (area !== '' && (path === area || path.startsWith(`${area}.`)));
}

export function mayReadPlan(actor: Actor, plan: Pick<PlanRow, 'owner_unit_path' | 'status' | 'province_code'>): boolean {
  if (!mayReadPlans(actor)) return false;
  if (inArea(actor, plan.owner_unit_path)) return true;
  const area = areaOf(actor.roles, actor.unitPath);
  return plan.status !== 'draft' && (area === '*' || area.split('.')[0] === plan.province_code);
}

export function answersFor(actor: Actor, agencyCode: string, parents: AgencyParents): boolean {
  return actor.agencyCode === agencyCode || parents.get(actor.agencyCode) === agencyCode;
}

export function mayEditPlan(actor: Actor, plan: Pick<PlanRow, 'owner_unit_path' | 'owner_agency_code'>): boolean {
  if (!mayWritePlans(actor) || !inArea(actor, plan.owner_unit_path)) return false;
  return (
    actor.agencyCode === plan.owner_agency_code ||
    actor.agencyKind === 'police' ||
    actor.agencyKind === 'people_committee' ||
    actor.roles.includes('provincial_lead')
  );
}

/** The unit path the actor reports from on this task, or null when the task is not theirs. */
export function reportingUnit(actor: Actor, task: Pick<TaskRow, 'agency_code' | 'unit_path'>, parents: AgencyParents) {
  if (!mayWritePlans(actor) || !answersFor(actor, task.agency_code, parents)) return null;
  if (actor.unitPath === task.unit_path) return actor.unitPath;
  const everyCommune = isEveryCommuneTask({ agencyCode: task.agency_code, unitPath: task.unit_path });
  if (everyCommune && actor.unitPath.startsWith(`${task.unit_path}.`)) return actor.unitPath;
  return null;
}

export function mayReview(
  actor: Actor,
  plan: Pick<PlanRow, 'owner_unit_path' | 'following_agency_code'>,
  parents: AgencyParents,
) {
  return mayWritePlans(actor) && inArea(actor, plan.owner_unit_path) && answersFor(actor, plan.following_agency_code, parents);
}
