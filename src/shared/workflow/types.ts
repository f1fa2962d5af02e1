import type { z } from 'zod';
import type { WorkCalendar } from '../calendar/holidays';
import type { IsoDate } from '../calendar/iso-date';
import type { Classification } from '../contracts/persons';
import type { Citation, EffectiveRule } from '../rules';

/**
 * The legal procedures of a management file (issue #5; DOMAIN.md §4.2–§4.9). Each is a state
 * machine: the person's record moves only by the actions listed here, each a dated decision that
 * the server stores with the rule set in force on its date.
 */
export const PROCEDURE_KINDS = [
  'drug_test',
  'illegal_user_management',
  'determination',
  'voluntary_rehab',
  'ost',
  'compulsory_rehab',
  'post_rehab',
  'education_at_commune',
] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** What the guards know of the person (DOMAIN.md §4.1). */
export interface PersonFacts {
  birthDate: IsoDate | null;
  birthYear: number;
  /** ISO 3166 alpha-2; education at commune is not applied to foreigners (NĐ 120/2021). */
  nationality: string;
  hasStableResidence: boolean;
}

/** Another procedure of the same person, as the guards and the classification see it. */
export interface ProcedureFacts {
  id: string;
  kind: ProcedureKind;
  state: string;
  openedOn: IsoDate;
  /** Date of the last step. */
  lastOn: IsoDate;
  data: Readonly<Record<string, unknown>>;
}

/** Who may take an action, by the agency the law gives it to (DOMAIN.md §3). */
export type Actor = 'police' | 'people_committee' | 'health' | 'rehab' | 'court' | 'system';

/** A field problem a guard finds; the message cites the rule it enforces. */
export interface Problem {
  /** Path under the request body, e.g. `['data', 'months']` or `['decidedOn']`. */
  path: (string | number)[];
  message: { vi: string; en: string };
  rule?: { key: string; citation: Citation };
}

/** A deadline a step starts: the legal timer's key, its rule and the computed last day. */
export interface DeadlineSpec {
  /** Timer key of DOMAIN.md §12, e.g. `illegal_user.decision_deadline`. */
  timer: string;
  ruleKey: string | null;
  startsOn: IsoDate;
  /** Null when the rule has no confirmed value and no administrator's value ([NC]). */
  dueOn: IsoDate | null;
  confirmed: boolean;
  /** A term that runs out (management period) rather than an act to do before a date. */
  term: boolean;
}

/** A procedure a step opens (a positive test opening a determination request, …). */
export interface FollowUp {
  kind: ProcedureKind;
  action: string;
  data: Record<string, unknown>;
  /** Why, in Vietnamese, with the article: shown on the timeline. */
  reason: string;
}

/** A step another procedure of the person must take as a consequence (post-rehab → relapsed). */
export interface SideStep {
  procedureId: string;
  action: string;
  data: Record<string, unknown>;
}

/** What a guard or an effect reads: the request, the person, the rest of the file, the law. */
export interface StepContext<D = Record<string, unknown>> {
  person: PersonFacts;
  /** The procedure as it stands before the step (`state: 'new'` when it is being opened). */
  procedure: ProcedureFacts;
  others: readonly ProcedureFacts[];
  decidedOn: IsoDate;
  decisionNo: string | null;
  data: D;
  /** The rule in force on `decidedOn`, administrators' values for unconfirmed rules applied. */
  rule: (key: string) => EffectiveRule | null;
  calendar: WorkCalendar;
  today: IsoDate;
  /** Persons the named helper already has (education at commune). */
  helperLoad?: number;
}

export interface StepOutcome {
  to: string;
  /** Merged into the procedure's data (computed dates, choices). */
  data?: Record<string, unknown>;
  open?: DeadlineSpec[];
  /** Timers this step satisfies. */
  close?: string[];
  followUps?: FollowUp[];
  sideSteps?: SideStep[];
  /** Unconfirmed rules the step used ("chưa xác nhận" is shown with the record). */
  unconfirmedRules?: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: a procedure's actions each have their own data type; the record of them is heterogeneous.
export interface ActionDefinition<D = any> {
  label: { vi: string; en: string };
  from: readonly string[];
  /** States it can lead to (the outcome picks one). */
  to: readonly string[];
  actors: readonly Actor[];
  /** A decision number (số quyết định / biên bản) must be given. */
  decisionRequired: boolean;
  /** Validates `data`; its issues become field errors under `data`. */
  schema: z.ZodType<D>;
  /** Returns the law's problems with the step, or its outcome. */
  apply: (ctx: StepContext<D>) => Problem[] | StepOutcome;
  /** Only the system takes it (follow-ups, the daily job); not offered in the UI. */
  systemOnly?: boolean;
}

export interface StateDefinition {
  label: { vi: string; en: string };
  /** The procedure is running (counts for classification, work queue). */
  active: boolean;
  classification?: Classification;
}

export interface ProcedureDefinition {
  kind: ProcedureKind;
  label: { vi: string; en: string };
  /** Form or article shown with the procedure. */
  citation: string;
  states: Record<string, StateDefinition>;
  actions: Record<string, ActionDefinition>;
  /** The agency kind whose facility it is linked to (health facility staff see only theirs). */
  facilityLinked?: 'health' | 'rehab';
}

/** The pseudo-state of a procedure being opened. */
export const NEW_STATE = 'new';
