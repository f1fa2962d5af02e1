import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import { PersonMergeBody, PersonMergeDto, PersonMergesResponse, PersonMergeUndoBody } from '@shared/contracts/person-merges';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as merges from './person-merges.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Merging two files of one person, and undoing it (provincial police; docs/ACCESS.md). */
export const personMergesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/persons/:id/merge',
    {
      schema: {
        tags: ['persons'],
        summary: 'Fold a duplicate file into this one (every linked row moves; can be undone)',
        params: IdParams,
        body: PersonMergeBody,
        response: { 201: PersonMergeDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await merges.mergePersons(serviceContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/persons/:id/merges',
    {
      schema: {
        tags: ['persons'],
        summary: 'Files merged into this one',
        params: IdParams,
        response: { 200: PersonMergesResponse, ...errors },
      },
    },
    (request) => merges.listMerges(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/person-merges/:id/undo',
    {
      schema: {
        tags: ['persons'],
        summary: 'Undo a merge: exactly the moved rows go back (409 when already undone)',
        params: IdParams,
        body: PersonMergeUndoBody,
        response: { 200: PersonMergeDto, ...errors },
      },
    },
    (request) => merges.undoMerge(serviceContext(request), request.params.id, request.body),
  );
};
