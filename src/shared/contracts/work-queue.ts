import { z } from 'zod';
import { IsoDate } from './common';
import { ProcedureKind } from './procedures';

const UnitDto = z.object({ code: z.string(), fullName: z.string() });

/** A residence transfer waiting for the caller's unit (issue #4). */
export const TransferQueueItemDto = z.object({
  kind: z.literal('transfer'),
  /** `incoming`: to the caller's area; `outgoing`: from it; `internal`: both ends in it (provincial view). */
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  transferId: z.string(),
  /** The page to open: the person's file. */
  personId: z.string(),
  fullName: z.string(),
  birthYear: z.number().int(),
  fromUnit: UnitDto,
  toUnit: UnitDto,
  requestedAt: z.string(),
  dueDate: IsoDate,
  overdue: z.boolean(),
});

/** A legal deadline of a procedure that is overdue or due within 7 days (issue #5 item 6). */
export const DeadlineQueueItemDto = z.object({
  kind: z.literal('deadline'),
  deadlineId: z.string(),
  procedureId: z.string(),
  procedureKind: ProcedureKind,
  /** Timer key of DOMAIN.md §12, e.g. `illegal_user.decision_deadline`. */
  timer: z.string(),
  /** A term running out rather than an act due. */
  term: z.boolean(),
  /** False: the length is unconfirmed ("chưa xác nhận"). */
  confirmed: z.boolean(),
  personId: z.string(),
  fullName: z.string(),
  birthYear: z.number().int(),
  unit: UnitDto,
  startsOn: IsoDate,
  dueDate: IsoDate,
  overdue: z.boolean(),
});

const PlanRef = { planId: z.string(), planTitle: z.string(), planNumber: z.string().nullable() };

/** A progress report the caller's unit owes on a plan task, due within 7 days, returned, or missing (issue #6). */
export const PlanReportQueueItemDto = z.object({
  kind: z.literal('plan_report'),
  ...PlanRef,
  taskId: z.string(),
  taskPosition: z.number().int(),
  assigneeName: z.string(),
  /** `pending`: not yet sent; `returned`: sent back for correction; `missing`: the deadline has passed. */
  state: z.enum(['pending', 'returned', 'missing']),
  dueDate: IsoDate,
  overdue: z.boolean(),
});

/** A progress report waiting for the caller's review (the plan's following agency; issue #6). */
export const PlanReviewQueueItemDto = z.object({
  kind: z.literal('plan_review'),
  ...PlanRef,
  reportId: z.string(),
  taskPosition: z.number().int(),
  unit: UnitDto,
  submittedAt: z.string(),
  /** The day it was sent: the queue's order. Nothing is overdue about a review. */
  dueDate: IsoDate,
  overdue: z.boolean(),
});

/**
 * One thing waiting for the caller (USER-JOURNEYS.md: "Việc cần làm"): transfers to acknowledge,
 * procedure deadlines overdue or due within 7 days (each linking to the person's file), and plan
 * reports to send or to review (linking to the plan).
 */
export const WorkQueueItemDto = z.discriminatedUnion('kind', [
  TransferQueueItemDto,
  DeadlineQueueItemDto,
  PlanReportQueueItemDto,
  PlanReviewQueueItemDto,
]);
export type WorkQueueItemDto = z.infer<typeof WorkQueueItemDto>;

export const WorkQueueQuery = z.strictObject({
  /** `unit` (default): everything in the caller's area; `mine`: procedures the caller recorded a step of. */
  scope: z.enum(['unit', 'mine']).default('unit'),
});

/** `GET /api/work-queue`: oldest deadline first. */
export const WorkQueueResponse = z.object({
  /** Today in Việt Nam, the date `overdue` was computed on. */
  today: IsoDate,
  items: z.array(WorkQueueItemDto),
});
export type WorkQueueResponse = z.infer<typeof WorkQueueResponse>;
