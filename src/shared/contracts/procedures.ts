import { z } from 'zod';
import { PROCEDURE_KINDS } from '../workflow/types';
import { IsoDate, userText } from './common';
import { Classification } from './persons';

/**
 * Legal procedures of a management file (issue #5). Every step is a dated decision; the server
 * runs the state machine of `src/shared/workflow` and answers 409 with the allowed actions when
 * the step does not fit, 400 with field errors citing the rule when the law refuses it.
 */
export const ProcedureKind = z.enum(PROCEDURE_KINDS);

const StepFields = {
  action: z.string().regex(/^[a-z_]{2,40}$/),
  /** The decision's (or event's) date, ISO. Not in the future, not before the previous step. */
  decidedOn: IsoDate,
  /** Số quyết định / biên bản: required where the step is a decision. */
  decisionNo: userText({ min: 1, max: 60, message: 'DECISION_NOTE' }).optional(),
  /** Who decided (title), e.g. "Chủ tịch UBND xã". */
  decider: userText({ min: 1, max: 120, message: 'DECISION_NOTE' }).optional(),
  /** The unit that decided or recorded it. */
  unitName: userText({ min: 1, max: 200, message: 'DECISION_NOTE' }).optional(),
  /** The action's own fields (see the state machine of the procedure). */
  data: z.record(z.string(), z.unknown()).default({}),
  /** Attachments of the person's file that document the step. */
  attachmentIds: z.array(z.uuid()).max(20).default([]),
};

/** `POST /api/persons/:id/procedures`: opens a procedure with its first step. */
export const OpenProcedureBody = z.strictObject({ kind: ProcedureKind, ...StepFields });
export type OpenProcedureBody = z.infer<typeof OpenProcedureBody>;

/** `POST /api/procedures/:id/steps`: the next step; `version` is the procedure's current one. */
export const ProcedureStepBody = z.strictObject({ ...StepFields, version: z.number().int().min(1) });
export type ProcedureStepBody = z.infer<typeof ProcedureStepBody>;

export const ProcedureStepDto = z.object({
  id: z.string(),
  seq: z.number().int(),
  action: z.string(),
  fromState: z.string(),
  toState: z.string(),
  decidedOn: IsoDate,
  decisionNo: z.string().nullable(),
  decider: z.string().nullable(),
  unitName: z.string().nullable(),
  ruleSetId: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** Rules used by this step whose values are unconfirmed ("chưa xác nhận"). */
  unconfirmedRules: z.array(z.string()),
  attachmentIds: z.array(z.string()),
  bySystem: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type ProcedureStepDto = z.infer<typeof ProcedureStepDto>;

export const ProcedureDeadlineDto = z.object({
  id: z.string(),
  timer: z.string(),
  ruleKey: z.string().nullable(),
  ruleSetId: z.string(),
  /** False: the length is unconfirmed ("chưa xác nhận"); `dueOn` null when it has no value. */
  confirmed: z.boolean(),
  /** A term running out (management period) rather than an act due. */
  term: z.boolean(),
  startsOn: IsoDate,
  dueOn: IsoDate.nullable(),
  status: z.enum(['open', 'met', 'cancelled']),
  closedOn: IsoDate.nullable(),
  /** Open and past its due date (Việt Nam date). */
  overdue: z.boolean(),
  /** Open and due within 7 days. */
  dueSoon: z.boolean(),
});
export type ProcedureDeadlineDto = z.infer<typeof ProcedureDeadlineDto>;

export const ProcedureDto = z.object({
  id: z.string(),
  personId: z.string(),
  kind: ProcedureKind,
  state: z.string(),
  /** The state machine's state is running (counts for classification). */
  active: z.boolean(),
  facility: z.object({ id: z.string(), name: z.string() }).nullable(),
  openedOn: IsoDate,
  lastOn: IsoDate,
  /** The rule set in force on the opening step's date. */
  ruleSetId: z.string(),
  /** Codes, numbers and dates the steps computed (start and end dates, months, phase…). */
  data: z.record(z.string(), z.unknown()),
  parentId: z.string().nullable(),
  version: z.number().int(),
  steps: z.array(ProcedureStepDto),
  deadlines: z.array(ProcedureDeadlineDto),
  /** Actions the state machine allows next and the caller's agency may take. */
  allowedActions: z.array(z.string()),
  /** Printable drafts available now. */
  forms: z.array(z.string()),
});
export type ProcedureDto = z.infer<typeof ProcedureDto>;

export const PersonProceduresResponse = z.object({
  personId: z.string(),
  /** Derived from the procedures (DOMAIN.md §4.1), never typed in. */
  classification: Classification,
  items: z.array(ProcedureDto),
  /** Procedures the caller may open, with their opening action. */
  openable: z.array(z.object({ kind: ProcedureKind, action: z.string() })),
});
export type PersonProceduresResponse = z.infer<typeof PersonProceduresResponse>;

/** What a step wrote: the procedure, and any procedure the law opened as a consequence. */
export const ProcedureStepResponse = z.object({
  procedure: ProcedureDto,
  opened: z.array(z.object({ id: z.string(), kind: ProcedureKind, state: z.string() })),
  classification: Classification,
});
export type ProcedureStepResponse = z.infer<typeof ProcedureStepResponse>;

export const PROCEDURE_FORMS = ['management-decision', 'mau-27', 'mau-30', 'mau-54'] as const;
export const ProcedureFormParams = z.strictObject({ id: z.uuid(), form: z.enum(PROCEDURE_FORMS) });
