import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import {
  OpenProcedureBody,
  PersonProceduresResponse,
  ProcedureDto,
  ProcedureFormParams,
  ProcedureStepBody,
  ProcedureStepResponse,
} from '@shared/contracts/procedures';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/authz';
import { sendFileAnswer } from '../../platform/file-reply';
import { serviceContext } from '../../platform/request-context';
import { printForm } from './procedure-forms.service';
import * as procedures from './procedures.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody.extend({ allowed: ErrorBody.shape.code.array().optional() }) };

/** Legal procedures of a management file (issue #5): state machines with dated decisions. */
export const proceduresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/persons/:id/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'The procedures of a file, with deadlines, allowed next steps and the derived classification',
        params: IdParams,
        response: { 200: PersonProceduresResponse, ...errors },
      },
    },
    (request) => procedures.listPersonProcedures(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/persons/:id/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Open a procedure with its first step (a test result, a registration, a request…)',
        params: IdParams,
        body: OpenProcedureBody,
        response: { 201: ProcedureStepResponse, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await procedures.openProcedure(serviceContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/procedures/:id',
    {
      schema: { tags: ['procedures'], summary: 'One procedure', params: IdParams, response: { 200: ProcedureDto, ...errors } },
    },
    (request) => procedures.getProcedure(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/procedures/:id/steps',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Take the next step (409 with the allowed steps when the state machine refuses it)',
        params: IdParams,
        body: ProcedureStepBody,
        response: { 200: ProcedureStepResponse, ...errors, ...conflict },
      },
    },
    (request) => procedures.takeProcedureStep(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/procedures/:id/forms/:form',
    {
      schema: {
        tags: ['procedures'],
        summary: 'A printable PDF draft (management decision, Mẫu 27, 30, 54) filled from the file',
        params: ProcedureFormParams,
        response: { ...errors, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const file = await printForm(ctx, requireActor(ctx), request.params.id, request.params.form);
      return sendFileAnswer(reply, file);
    },
  );
};
