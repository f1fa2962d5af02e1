import type { z } from 'zod';
import { COMPULSORY_REHAB } from './compulsory-rehab';
import { DETERMINATION } from './determination';
import { DRUG_TEST } from './drug-test';
import { EDUCATION_AT_COMMUNE } from './education-at-commune';
import { plainProblem } from './guards';
import { ILLEGAL_USER_MANAGEMENT } from './illegal-user-management';
import { OST } from './ost';
import { POST_REHAB } from './post-rehab';
import type { Actor, Problem, ProcedureDefinition, ProcedureKind, StepContext, StepOutcome } from './types';
import { VOLUNTARY_REHAB } from './voluntary-rehab';

export const PROCEDURES: Record<ProcedureKind, ProcedureDefinition> = {
  drug_test: DRUG_TEST,
  illegal_user_management: ILLEGAL_USER_MANAGEMENT,
  determination: DETERMINATION,
  voluntary_rehab: VOLUNTARY_REHAB,
  ost: OST,
  compulsory_rehab: COMPULSORY_REHAB,
  post_rehab: POST_REHAB,
  education_at_commune: EDUCATION_AT_COMMUNE,
};

/** The actions the state machine allows from a state, for the given actors (system-only ones hidden). */
export function allowedActions(kind: ProcedureKind, state: string, actors?: readonly Actor[]): string[] {
  return Object.entries(PROCEDURES[kind].actions)
    .filter(([, a]) => a.from.includes(state) && !a.systemOnly)
    .filter(([, a]) => !actors || a.actors.some((who) => actors.includes(who)))
    .map(([name]) => name);
}

/**
 * One problem per field: the guards check the general order of dates first and the specific rule
 * after, so the last problem of a field is the most precise ("before the positive result").
 */
function onePerField(problems: Problem[]): Problem[] {
  const byPath = new Map<string, Problem>();
  for (const problem of problems) byPath.set(problem.path.join('.'), problem);
  return [...byPath.values()];
}

export type StepResult =
  | { ok: true; outcome: StepOutcome }
  | { ok: false; reason: 'not_allowed'; allowed: string[] }
  | { ok: false; reason: 'invalid'; problems: Problem[]; issues: z.core.$ZodIssue[] };

/**
 * Takes one step of a procedure: the action must be allowed from the current state, its data must
 * match the action's schema, a decision number is needed where the law makes it a decision, and
 * the action's guards must pass. Pure: the caller stores the outcome, or nothing at all.
 */
export function runStep(
  kind: ProcedureKind,
  action: string,
  rawData: unknown,
  ctx: Omit<StepContext, 'data'>,
  options: { system?: boolean } = {},
): StepResult {
  const definition = PROCEDURES[kind].actions[action];
  if (!definition?.from.includes(ctx.procedure.state) || (definition.systemOnly && !options.system))
    return { ok: false, reason: 'not_allowed', allowed: allowedActions(kind, ctx.procedure.state) };
  const parsed = definition.schema.safeParse(rawData ?? {});
  const problems: Problem[] = [];
  if (definition.decisionRequired && !ctx.decisionNo)
    problems.push(
      plainProblem(
        ['decisionNo'],
        'Bước này là một quyết định: ghi số quyết định hoặc biên bản.',
        'This step is a decision: give its number.',
      ),
    );
  if (!parsed.success) return { ok: false, reason: 'invalid', problems, issues: parsed.error.issues };
  const result = definition.apply({ ...ctx, data: parsed.data });
  if (Array.isArray(result)) return { ok: false, reason: 'invalid', problems: onePerField([...problems, ...result]), issues: [] };
  if (problems.length > 0) return { ok: false, reason: 'invalid', problems, issues: [] };
  return { ok: true, outcome: result };
}
