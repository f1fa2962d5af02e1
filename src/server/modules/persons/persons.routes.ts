import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import {
  DuplicateCandidatesResponse,
  PersonCreateBody,
  PersonDto,
  PersonExportBody,
  PersonNoteBody,
  PersonNoteDto,
  PersonNotesResponse,
  PersonSearchBody,
  PersonSearchResponse,
  PersonTimelineResponse,
  PersonUpdateBody,
} from '@shared/contracts/persons';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendFileAnswer } from '../../platform/file-reply';
import { serviceContext } from '../../platform/request-context';
import { exportPersons } from './persons.export';
import * as persons from './persons.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const ConflictBody = z.object({
  code: z.literal('VERSION_CONFLICT'),
  message: z.string(),
  current: PersonDto,
  requestId: z.string(),
});

/**
 * The person registry. Search terms travel in POST bodies, never in URLs (SECURITY-RELIABILITY.md
 * S17): a name or ID number in a URL ends up in browser histories and proxy logs.
 */
export const personsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/persons/search',
    {
      schema: {
        tags: ['persons'],
        summary: 'Search the registry within my scope',
        body: PersonSearchBody,
        response: { 200: PersonSearchResponse, ...errors },
      },
    },
    (request) => persons.searchPersons(serviceContext(request), request.body),
  );
  app.post(
    '/api/persons/export',
    {
      schema: {
        tags: ['persons'],
        summary: 'The matching persons as an xlsx file (needs POST /api/auth/step-up within 5 minutes; every id audited)',
        body: PersonExportBody,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('The xlsx file'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportPersons(serviceContext(request), request.body);
      return sendFileAnswer(reply.header('x-export-count', String(file.count)), {
        fileName: file.fileName,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: file.content,
      });
    },
  );
  app.post(
    '/api/persons',
    {
      schema: {
        tags: ['persons'],
        summary: 'Register a person and open the management file (409 lists possible duplicates first)',
        body: PersonCreateBody,
        response: { 201: PersonDto, ...errors, 409: DuplicateCandidatesResponse.or(ErrorBody) },
      },
    },
    async (request, reply) => reply.status(201).send(await persons.createPerson(serviceContext(request), request.body)),
  );
  app.get(
    '/api/persons/:id',
    { schema: { tags: ['persons'], summary: 'One person (audited)', params: IdParams, response: { 200: PersonDto, ...errors } } },
    (request) => persons.getPerson(serviceContext(request), request.params.id),
  );
  app.put(
    '/api/persons/:id',
    {
      schema: {
        tags: ['persons'],
        summary: 'Replace the details (409 VERSION_CONFLICT with the current values when stale)',
        params: IdParams,
        body: PersonUpdateBody,
        response: { 200: PersonDto, ...errors, 409: ConflictBody.or(ErrorBody) },
      },
    },
    (request) => persons.updatePerson(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/persons/:id/timeline',
    {
      schema: {
        tags: ['persons'],
        summary: 'The management file timeline',
        params: IdParams,
        response: { 200: PersonTimelineResponse, ...errors },
      },
    },
    (request) => persons.listTimeline(serviceContext(request), request.params.id),
  );
  app.get(
    '/api/persons/:id/notes',
    {
      schema: {
        tags: ['persons'],
        summary: 'Notes of the management file',
        params: IdParams,
        response: { 200: PersonNotesResponse, ...errors },
      },
    },
    (request) => persons.listNotes(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/persons/:id/notes',
    {
      schema: {
        tags: ['persons'],
        summary: 'Add a note',
        params: IdParams,
        body: PersonNoteBody,
        response: { 201: PersonNoteDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await persons.addNote(serviceContext(request), request.params.id, request.body.text)),
  );
};
