/** Reading plans (kế hoạch) from text: `parsePlanText` and its result type. */

export {
  actionMonthDefaults,
  COMMUNE_AGENCIES,
  type DraftTask,
  draftFromParsed,
  moveToYear,
  NATIONAL_DAY_LABEL,
  type PlanDraft,
  shiftYears,
  suggestAgencyCode,
} from './draft';
export { highlightsOf, type PlanHighlight, planSourceText } from './highlight';
export { parsePlanText } from './parse';
export {
  PARSED_PLAN_KEYS,
  type ParsedPlan,
  type PlanAgency,
  type PlanDeadline,
  type PlanObjective,
  type PlanType,
} from './types';
