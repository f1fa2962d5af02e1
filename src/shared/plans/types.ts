/** Kind of plan: Action Month (June), a year's plan, a thematic campaign, a multi-year programme. */
export type PlanType = 'annual' | 'action_month' | 'thematic' | 'multi_year' | 'other';

/** A target stated by the plan ("100% số xã…", "không để hình thành…"). */
export interface PlanObjective {
  text: string;
  value: number | null;
  unit: 'percent' | 'count' | null;
}

/** An agency named in the task-assignment section and the tasks given to it. */
export interface PlanAgency {
  name: string;
  tasks: string[];
}

/** "gửi báo cáo về Công an tỉnh trước ngày 05/7/2022". */
export interface PlanDeadline {
  what: string;
  to: string | null;
  by: string;
}

/**
 * What `parsePlanText` read from a plan or from an article about one. A contract other tools rely
 * on: exactly these keys; what the text does not say is null or an empty list.
 */
export interface ParsedPlan {
  number: string | null;
  date: string | null;
  issuer: string | null;
  signer: string | null;
  title: string | null;
  type: PlanType | null;
  period: { from: string | null; to: string | null } | null;
  theme: string | null;
  references: string[];
  objectives: PlanObjective[];
  agencies: PlanAgency[];
  deadlines: PlanDeadline[];
  funding: string | null;
}

/** The keys of `ParsedPlan`, in output order. */
export const PARSED_PLAN_KEYS = [
  'number',
  'date',
  'issuer',
  'signer',
  'title',
  'type',
  'period',
  'theme',
  'references',
  'objectives',
  'agencies',
  'deadlines',
  'funding',
] as const;
