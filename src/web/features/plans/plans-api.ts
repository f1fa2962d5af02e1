import {
  ComplianceResponse,
  type PlanCopyBody,
  type PlanCreateBody,
  PlanDto,
  PlanImportPreviewDto,
  PlanObjectiveDto,
  type PlanObjectiveInput,
  type PlanObjectiveUpdateBody,
  type PlanReportCreateBody,
  PlanReportDto,
  type PlanReportReviewBody,
  PlanReportsResponse,
  type PlanStatus,
  type PlanStatusBody,
  PlansResponse,
  PlanTaskDto,
  type PlanTaskInput,
  type PlanTaskUpdateBody,
  type PlanType,
  type PlanUpdateBody,
} from '@shared/contracts/plans';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, apiPatch, apiPost, apiUpload } from '../../api/client';

const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
const task = (id: string) => `/api/plan-tasks/${encodeURIComponent(id)}`;

/** The filters of the plans list (GET /api/plans). */
export interface PlansFilter {
  status?: PlanStatus;
  type?: PlanType;
  year?: number;
  q?: string;
}

/** The address of an original document or an attachment (GET /api/plan-documents/:id). */
export const documentUrl = (id: string) => `/api/plan-documents/${encodeURIComponent(id)}`;

/**
 * Query keys all start with `['plans']`, so one invalidation after any change refreshes the list,
 * the plan, its compliance board and the reports at once.
 */
export const planQueries = {
  list: (filter: PlansFilter) =>
    queryOptions({
      queryKey: ['plans', 'list', filter],
      queryFn: ({ signal }) => apiGet('/api/plans', { query: { ...filter }, schema: PlansResponse, signal }),
    }),
  one: (id: string) =>
    queryOptions({
      queryKey: ['plans', 'one', id],
      queryFn: ({ signal }) => apiGet(plan(id), { schema: PlanDto, signal }),
    }),
  compliance: (id: string) =>
    queryOptions({
      queryKey: ['plans', 'compliance', id],
      queryFn: ({ signal }) => apiGet(`${plan(id)}/compliance`, { schema: ComplianceResponse, signal }),
      staleTime: 0,
    }),
  reports: (taskId: string) =>
    queryOptions({
      queryKey: ['plans', 'reports', taskId],
      queryFn: ({ signal }) => apiGet(`${task(taskId)}/reports`, { schema: PlanReportsResponse, signal }),
      staleTime: 0,
    }),
};

export type PlanCreateInput = z.input<typeof PlanCreateBody>;
export type PlanUpdateInput = z.input<typeof PlanUpdateBody>;
export type PlanObjectiveCreateInput = z.input<typeof PlanObjectiveInput>;
export type PlanObjectiveUpdateInput = z.input<typeof PlanObjectiveUpdateBody>;
export type PlanTaskCreateInput = z.input<typeof PlanTaskInput>;
export type PlanTaskUpdateInput = z.input<typeof PlanTaskUpdateBody>;
export type PlanReportCreateInput = z.input<typeof PlanReportCreateBody>;
export type PlanReportReviewInput = z.input<typeof PlanReportReviewBody>;

export const plansApi = {
  create: (body: PlanCreateInput) => apiPost('/api/plans', { body, schema: PlanDto }),
  update: (id: string, body: PlanUpdateInput) => apiPatch(plan(id), { body, schema: PlanDto }),
  setStatus: (id: string, body: z.input<typeof PlanStatusBody>) => apiPost(`${plan(id)}/status`, { body, schema: PlanDto }),
  copy: (id: string, body: z.input<typeof PlanCopyBody>) => apiPost(`${plan(id)}/copy`, { body, schema: PlanDto }),
  addObjective: (planId: string, body: PlanObjectiveCreateInput) =>
    apiPost(`${plan(planId)}/objectives`, { body, schema: PlanObjectiveDto }),
  updateObjective: (id: string, body: PlanObjectiveUpdateInput) =>
    apiPatch(`/api/plan-objectives/${encodeURIComponent(id)}`, { body, schema: PlanObjectiveDto }),
  addTask: (planId: string, body: PlanTaskCreateInput) => apiPost(`${plan(planId)}/tasks`, { body, schema: PlanTaskDto }),
  updateTask: (id: string, body: PlanTaskUpdateInput) => apiPatch(task(id), { body, schema: PlanTaskDto }),
  report: (taskId: string, body: PlanReportCreateInput) => apiPost(`${task(taskId)}/reports`, { body, schema: PlanReportDto }),
  review: (reportId: string, body: PlanReportReviewInput) =>
    apiPost(`/api/plan-reports/${encodeURIComponent(reportId)}/review`, { body, schema: PlanReportDto }),
  /** The document goes as the raw body; the server reads its type from the content. */
  preview: (file: File) => apiUpload('/api/plan-imports', { file, query: { fileName: file.name }, schema: PlanImportPreviewDto }),
};

/** A file as base64, for the original document and report attachments (sent inside the JSON body). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes as arguments overflows the stack.
  for (let from = 0; from < bytes.length; from += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(from, from + 0x8000));
  }
  return btoa(binary);
}
