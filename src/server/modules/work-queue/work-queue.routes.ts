import { ErrorBody } from '@shared/contracts/common';
import { WorkQueueQuery, WorkQueueResponse } from '@shared/contracts/work-queue';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import { getWorkQueue } from './work-queue.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** What awaits the caller: transfers to acknowledge and procedure deadlines (USER-JOURNEYS.md). */
export const workQueueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/work-queue',
    {
      schema: {
        tags: ['work-queue'],
        summary: 'What awaits my unit (or me), oldest deadline first',
        querystring: WorkQueueQuery,
        response: { 200: WorkQueueResponse, ...errors },
      },
    },
    (request) => getWorkQueue(serviceContext(request), request.query.scope),
  );
};
