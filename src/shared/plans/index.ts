/** Reading plans (kế hoạch) from text: `parsePlanText` and its result type. */
export { parsePlanText } from './parse';
export {
  PARSED_PLAN_KEYS,
  type ParsedPlan,
  type PlanAgency,
  type PlanDeadline,
  type PlanObjective,
  type PlanType,
} from './types';
