import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import {
  ComplianceResponse,
  PlanCopyBody,
  PlanCreateBody,
  PlanDto,
  PlanObjectiveDto,
  PlanObjectiveInput,
  PlanObjectiveUpdateBody,
  PlanReportCreateBody,
  PlanReportDto,
  PlanReportReviewBody,
  PlanReportsResponse,
  PlanStatusBody,
  PlansQuery,
  PlansResponse,
  PlanTaskDto,
  PlanTaskInput,
  PlanTaskUpdateBody,
  PlanUpdateBody,
} from '@shared/contracts/plans';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendFileAnswer } from '../../platform/file-reply';
import { serviceContext } from '../../platform/request-context';
import * as compliance from './plan-compliance.service';
import * as copies from './plan-copy.service';
import * as reports from './plan-reports.service';
import * as tasks from './plan-tasks.service';
import * as plans from './plans.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['plans'];

/** Plans, objectives, tasks, progress reports and the compliance board (issue #6). Thin: the services decide. */
export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const fileLimit = app.deps.config.importBodyLimitBytes;
  // A confirmed import carries its original document in base64 (4/3 of the file), plus the draft.
  const withFiles = Math.ceil((fileLimit * 4) / 3) + 1024 * 1024;

  app.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Plans the caller may read',
        querystring: PlansQuery,
        response: { 200: PlansResponse, ...errors },
      },
    },
    (request) => plans.listPlansFor(serviceContext(request), request.query),
  );
  app.post(
    '/api/plans',
    {
      bodyLimit: withFiles,
      schema: {
        tags,
        summary: 'Create a draft plan (by hand, from a template, or a confirmed import with its document)',
        body: PlanCreateBody,
        response: { 201: PlanDto, ...errors, 413: ErrorBody },
      },
    },
    async (request, reply) => reply.status(201).send(await plans.createPlan(serviceContext(request), request.body, fileLimit)),
  );
  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'A plan with objectives, tasks and documents',
        params: IdParams,
        response: { 200: PlanDto, ...errors },
      },
    },
    (request) => plans.getPlanFor(serviceContext(request), request.params.id),
  );
  app.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: "Change a plan's header (409 when stale)",
        params: IdParams,
        body: PlanUpdateBody,
        response: { 200: PlanDto, ...errors },
      },
    },
    (request) => plans.updatePlanFor(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/plans/:id/status',
    {
      schema: {
        tags,
        summary: 'Issue (draft → issued) or close (issued → closed) a plan',
        params: IdParams,
        body: PlanStatusBody,
        response: { 200: PlanDto, ...errors },
      },
    },
    (request) => plans.setPlanStatus(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/plans/:id/copy',
    {
      schema: {
        tags,
        summary: 'Copy a plan to another year as a new draft, every date moved',
        params: IdParams,
        body: PlanCopyBody,
        response: { 201: PlanDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await copies.copyPlan(serviceContext(request), request.params.id, request.body.year)),
  );
  app.get(
    '/api/plans/:id/compliance',
    {
      schema: {
        tags,
        summary: 'The compliance board: every reporter and deadline',
        params: IdParams,
        response: { 200: ComplianceResponse, ...errors },
      },
    },
    (request) => compliance.getCompliance(serviceContext(request), request.params.id),
  );
  app.get(
    '/api/plans/:id/compliance.xlsx',
    {
      schema: {
        tags,
        summary: 'The compliance board as an xlsx table',
        params: IdParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('The xlsx file'), ...errors },
      },
    },
    async (request, reply) =>
      sendFileAnswer(reply, await compliance.exportCompliance(serviceContext(request), request.params.id)),
  );
  app.post(
    '/api/plans/:id/objectives',
    {
      schema: {
        tags,
        summary: 'Add an objective',
        params: IdParams,
        body: PlanObjectiveInput,
        response: { 201: PlanObjectiveDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.addObjective(serviceContext(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/plan-objectives/:id',
    {
      schema: {
        tags,
        summary: 'Change an objective, or enter its achieved value',
        params: IdParams,
        body: PlanObjectiveUpdateBody,
        response: { 200: PlanObjectiveDto, ...errors },
      },
    },
    (request) => tasks.updateObjective(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/plans/:id/tasks',
    { schema: { tags, summary: 'Add a task', params: IdParams, body: PlanTaskInput, response: { 201: PlanTaskDto, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await tasks.addTask(serviceContext(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/plan-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change a task (the assignee: its status only)',
        params: IdParams,
        body: PlanTaskUpdateBody,
        response: { 200: PlanTaskDto, ...errors },
      },
    },
    (request) => tasks.updateTask(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/plan-tasks/:id/reports',
    {
      schema: { tags, summary: "A task's progress reports", params: IdParams, response: { 200: PlanReportsResponse, ...errors } },
    },
    (request) => reports.listTaskReports(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/plan-tasks/:id/reports',
    {
      bodyLimit: withFiles,
      schema: {
        tags,
        summary: 'Submit a progress report (the assignee)',
        params: IdParams,
        body: PlanReportCreateBody,
        response: { 201: PlanReportDto, ...errors, 413: ErrorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.submitReport(serviceContext(request), request.params.id, request.body, fileLimit)),
  );
  app.post(
    '/api/plan-reports/:id/review',
    {
      schema: {
        tags,
        summary: 'Accept a report, or return it for correction with a comment (the following agency)',
        params: IdParams,
        body: PlanReportReviewBody,
        response: { 200: PlanReportDto, ...errors },
      },
    },
    (request) => reports.reviewReport(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/plan-documents/:id',
    {
      schema: {
        tags,
        summary: "A plan's original document or a report's attachment",
        params: IdParams,
        response: { 200: z.unknown().describe('The file'), ...errors },
      },
    },
    async (request, reply) => sendFileAnswer(reply, await reports.getPlanDocument(serviceContext(request), request.params.id)),
  );
};
