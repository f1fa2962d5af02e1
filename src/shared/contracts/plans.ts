import { z } from 'zod';
import { fieldError } from '../errors';
import { IsoDate, userText } from './common';

/**
 * Plans, objectives, tasks and progress reports (issue #6; DOMAIN.md §7). A plan belongs to the
 * unit and agency that keep it in PCMT (the provincial drug police keep the People's Committee's
 * plan; a commune keeps its implementing plan); `issuer` is the body named on the document.
 */
export const PlanType = z.enum(['annual', 'action_month', 'thematic', 'multi_year', 'other']);
export type PlanType = z.infer<typeof PlanType>;
export const PlanStatus = z.enum(['draft', 'issued', 'closed']);
export type PlanStatus = z.infer<typeof PlanStatus>;
/** Stored task status; `overdue` is derived (due date passed, not done) and only shown. */
export const TaskStatus = z.enum(['not_started', 'in_progress', 'done']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const TaskDisplayStatus = z.enum(['not_started', 'in_progress', 'done', 'overdue']);
export type TaskDisplayStatus = z.infer<typeof TaskDisplayStatus>;
export const ReportStatus = z.enum(['submitted', 'accepted', 'returned']);
export type ReportStatus = z.infer<typeof ReportStatus>;
/** How an achieved value is compared with the target: ≥ 100%, ≤ 5, = 0 new hotspots. */
export const TargetComparison = z.enum(['gte', 'lte', 'eq']);
export type TargetComparison = z.infer<typeof TargetComparison>;
export const TargetUnit = z.enum(['percent', 'count']);

const Text = (max: number) => userText({ min: 1, max, message: 'PLAN_TEXT' });
const OptionalText = (max: number) => userText({ min: 0, max, message: 'PLAN_TEXT' }).nullable().default(null);
const AgencyCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/);
/** Indicator codes are bound now and computed by a later issue (DOMAIN.md §8). */
const IndicatorCode = z.string().regex(/^[a-z][a-z0-9_.]{1,63}$/);
const Figure = z.number().min(-1e12).max(1e12);

export const PlanObjectiveInput = z.strictObject({
  text: Text(2000),
  targetValue: Figure.nullable().default(null),
  unit: TargetUnit.nullable().default(null),
  comparison: TargetComparison.nullable().default(null),
  indicatorCode: IndicatorCode.nullable().default(null),
});
export type PlanObjectiveInput = z.infer<typeof PlanObjectiveInput>;

export const PlanTaskInput = z.strictObject({
  /** The agency as the document names it ("UBND các huyện, thị xã, thành phố"). */
  assigneeName: Text(300),
  /** The catalogue agency that reports on it (src/server/db/migrations/0004). */
  agencyCode: AgencyCode,
  /**
   * The administrative unit of the assignee. A commune-level agency (CA_XA, UBND_XA) given the
   * province means "every commune of the province": each commune reports.
   */
  unitCode: z.string().regex(/^([0-9]{2}|[0-9]{5})$/),
  coLeads: z.array(Text(300)).max(20).default([]),
  content: Text(8000),
  dueOn: IsoDate.nullable().default(null),
  reportDeadlines: z.array(IsoDate).max(24).default([]),
});
export type PlanTaskInput = z.infer<typeof PlanTaskInput>;

export const PlanMilestone = z.strictObject({ on: IsoDate, label: Text(300) });
export const PlanDeadlineInput = z.strictObject({ what: Text(500), to: OptionalText(300), by: IsoDate });

/** The original document, sent with the confirmed draft of an import (base64, within the import limit). */
export const PlanSourceFile = z.strictObject({
  fileName: userText({ min: 1, max: 200, message: 'PLAN_TEXT' }),
  contentBase64: z
    .string()
    .min(1)
    .max(30_000_000)
    .regex(/^[A-Za-z0-9+/=\s]+$/),
});

const PlanHeaderFields = {
  number: OptionalText(60),
  issuedOn: IsoDate.nullable().default(null),
  issuer: OptionalText(300),
  signer: OptionalText(200),
  title: Text(1000),
  type: PlanType,
  periodFrom: IsoDate,
  periodTo: IsoDate,
  theme: OptionalText(1000),
  references: z.array(Text(120)).max(50).default([]),
  funding: OptionalText(4000),
  /** The agency that follows up and reviews reports ("Giao Công an tỉnh theo dõi, đôn đốc"). */
  followingAgencyCode: AgencyCode.default('CA_TINH'),
  milestones: z.array(PlanMilestone).max(50).default([]),
  /** Report deadlines of the whole plan; tasks without their own use them. */
  deadlines: z.array(PlanDeadlineInput).max(50).default([]),
};

export const PlanCreateBody = z.strictObject({
  ...PlanHeaderFields,
  /** An implementing plan: the parent plan's task this plan carries out ("căn cứ kế hoạch …"). */
  parentTaskId: z.uuid().nullable().default(null),
  objectives: z.array(PlanObjectiveInput).max(100).default([]),
  tasks: z.array(PlanTaskInput).max(200).default([]),
  source: PlanSourceFile.nullable().default(null),
});
export type PlanCreateBody = z.infer<typeof PlanCreateBody>;

export const PlanUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  number: OptionalText(60).optional(),
  issuedOn: IsoDate.nullable().optional(),
  issuer: OptionalText(300).optional(),
  signer: OptionalText(200).optional(),
  title: Text(1000).optional(),
  type: PlanType.optional(),
  periodFrom: IsoDate.optional(),
  periodTo: IsoDate.optional(),
  theme: OptionalText(1000).optional(),
  references: z.array(Text(120)).max(50).optional(),
  funding: OptionalText(4000).optional(),
  followingAgencyCode: AgencyCode.optional(),
  milestones: z.array(PlanMilestone).max(50).optional(),
  deadlines: z.array(PlanDeadlineInput).max(50).optional(),
});
export type PlanUpdateBody = z.infer<typeof PlanUpdateBody>;

export const PlanStatusBody = z.strictObject({ version: z.number().int().min(1), status: z.enum(['issued', 'closed']) });
export const PlanCopyBody = z.strictObject({ year: z.number().int().min(2000).max(2100) });

export const PlanObjectiveUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  text: Text(2000).optional(),
  targetValue: Figure.nullable().optional(),
  unit: TargetUnit.nullable().optional(),
  comparison: TargetComparison.nullable().optional(),
  indicatorCode: IndicatorCode.nullable().optional(),
  /** Entered by hand until indicators are computed (a later issue). */
  achievedValue: Figure.nullable().optional(),
});

export const PlanTaskUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  status: TaskStatus.optional(),
  assigneeName: Text(300).optional(),
  agencyCode: AgencyCode.optional(),
  unitCode: z
    .string()
    .regex(/^([0-9]{2}|[0-9]{5})$/)
    .optional(),
  coLeads: z.array(Text(300)).max(20).optional(),
  content: Text(8000).optional(),
  dueOn: IsoDate.nullable().optional(),
  reportDeadlines: z.array(IsoDate).max(24).optional(),
});

export const ReportFigure = z.strictObject({ label: Text(300), value: Figure, unit: OptionalText(40) });
export const PlanReportCreateBody = z.strictObject({
  periodFrom: IsoDate,
  periodTo: IsoDate,
  /** The report deadline this report answers (one of the task's, or the plan's). */
  deadline: IsoDate.nullable().default(null),
  narrative: Text(20_000),
  figures: z.array(ReportFigure).max(50).default([]),
  /** The task's progress as the assignee sees it. */
  progress: TaskStatus.optional(),
  attachments: z.array(PlanSourceFile).max(5).default([]),
});
export type PlanReportCreateBody = z.infer<typeof PlanReportCreateBody>;

export const PlanReportReviewBody = z
  .strictObject({
    version: z.number().int().min(1),
    decision: z.enum(['accept', 'return']),
    comment: OptionalText(4000),
  })
  .refine((body) => body.decision === 'accept' || (body.comment ?? '').length > 0, {
    path: ['comment'],
    ...fieldError('PLAN_COMMENT_REQUIRED'),
  });

export const PlansQuery = z.strictObject({
  status: PlanStatus.optional(),
  type: PlanType.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(200).optional(),
});

export const DocumentMeta = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

export const PlanObjectiveDto = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
  targetValue: z.number().nullable(),
  unit: TargetUnit.nullable(),
  comparison: TargetComparison.nullable(),
  indicatorCode: z.string().nullable(),
  achievedValue: z.number().nullable(),
  achievedOn: z.string().nullable(),
  /** null when there is no target or no achieved value yet. */
  met: z.boolean().nullable(),
  version: z.number().int(),
});

export const PlanTaskDto = z.object({
  id: z.string(),
  planId: z.string(),
  position: z.number().int(),
  assigneeName: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  /** Every commune of the province reports (a commune-level agency given the province). */
  everyCommune: z.boolean(),
  coLeads: z.array(z.string()),
  content: z.string(),
  dueOn: z.string().nullable(),
  reportDeadlines: z.array(z.string()),
  status: TaskStatus,
  displayStatus: TaskDisplayStatus,
  reportCount: z.number().int(),
  /** Implementing plans made for this task, with their tasks done / total (roll-up). */
  implementingPlans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unitName: z.string(),
      tasksDone: z.number().int(),
      tasksTotal: z.number().int(),
    }),
  ),
  /** Whether the caller may report on this task (their agency and unit are the assignee's). */
  canReport: z.boolean(),
  version: z.number().int(),
});
export type PlanTaskDto = z.infer<typeof PlanTaskDto>;

export const PlanSummaryDto = z.object({
  id: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  title: z.string(),
  type: PlanType,
  status: PlanStatus,
  periodFrom: z.string(),
  periodTo: z.string(),
  ownerUnitName: z.string(),
  ownerAgencyCode: z.string(),
  parentPlanId: z.string().nullable(),
  taskCount: z.number().int(),
  tasksDone: z.number().int(),
});
export type PlanSummaryDto = z.infer<typeof PlanSummaryDto>;

export const PlanDto = PlanSummaryDto.extend({
  signer: z.string().nullable(),
  theme: z.string().nullable(),
  references: z.array(z.string()),
  funding: z.string().nullable(),
  followingAgencyCode: z.string(),
  ownerUnitCode: z.string(),
  parentTaskId: z.string().nullable(),
  milestones: z.array(z.object({ on: z.string(), label: z.string() })),
  deadlines: z.array(z.object({ what: z.string(), to: z.string().nullable(), by: z.string() })),
  objectives: z.array(PlanObjectiveDto),
  tasks: z.array(PlanTaskDto),
  documents: z.array(DocumentMeta),
  /** The text read from the original document (import), shown next to the plan. */
  sourceText: z.string().nullable(),
  /** Whether the caller may change the plan, its objectives and tasks. */
  canEdit: z.boolean(),
  /** Whether the caller reviews reports (the following agency). */
  canReview: z.boolean(),
  version: z.number().int(),
});
export type PlanDto = z.infer<typeof PlanDto>;

export const PlansResponse = z.object({ items: z.array(PlanSummaryDto) });

export const PlanReportDto = z.object({
  id: z.string(),
  taskId: z.string(),
  planId: z.string(),
  agencyCode: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  deadline: z.string().nullable(),
  narrative: z.string(),
  figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string().nullable() })),
  attachments: z.array(DocumentMeta),
  status: ReportStatus,
  reviewComment: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  reviewedAt: z.string().nullable(),
  /** Submitted after the deadline it answers. */
  late: z.boolean(),
  version: z.number().int(),
});
export type PlanReportDto = z.infer<typeof PlanReportDto>;
export const PlanReportsResponse = z.object({ items: z.array(PlanReportDto) });

/** One cell of the compliance board: one reporter (agency and unit) for one deadline of one task. */
export const ComplianceState = z.enum(['on_time', 'late', 'missing', 'returned', 'pending']);
export type ComplianceState = z.infer<typeof ComplianceState>;
export const ComplianceRowDto = z.object({
  taskId: z.string(),
  taskPosition: z.number().int(),
  assigneeName: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  deadline: z.string(),
  state: ComplianceState,
  reportId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewStatus: ReportStatus.nullable(),
});
export type ComplianceRowDto = z.infer<typeof ComplianceRowDto>;
export const ComplianceResponse = z.object({
  planId: z.string(),
  asOf: z.string(),
  totals: z.record(ComplianceState, z.number().int()),
  rows: z.array(ComplianceRowDto),
});
export type ComplianceResponse = z.infer<typeof ComplianceResponse>;

/** The draft an uploaded document gives: nothing is saved until the officer confirms it. */
export const PlanImportPreviewDto = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  /** The text the parser read (normalised), shown next to the draft. */
  text: z.string(),
  parsed: z.unknown(),
  /** Where each extracted field was read: `field` is a path such as `number` or `agencies.2.name`. */
  highlights: z.array(z.object({ field: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type PlanImportPreviewDto = z.infer<typeof PlanImportPreviewDto>;
export const PlanImportQuery = z.strictObject({ fileName: z.string().min(1).max(200) });
