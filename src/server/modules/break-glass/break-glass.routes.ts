import { IdParams } from '@shared/contracts/auth';
import {
  BreakGlassDto,
  BreakGlassListResponse,
  BreakGlassRequestBody,
  BreakGlassReviewBody,
} from '@shared/contracts/break-glass';
import { ErrorBody } from '@shared/contracts/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as breakGlass from './break-glass.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Break-the-glass: emergency access to one record, with a reason, for one hour; reviewed afterwards. */
export const breakGlassRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/break-glass',
    {
      schema: {
        tags: ['break-glass'],
        summary: 'Open one out-of-scope record for one hour',
        body: BreakGlassRequestBody,
        response: { 201: BreakGlassDto, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await breakGlass.requestBreakGlass(serviceContext(request), request.body)),
  );
  app.get(
    '/api/break-glass',
    {
      schema: {
        tags: ['break-glass'],
        summary: 'My grants, and the grants I review',
        response: { 200: BreakGlassListResponse, ...errors },
      },
    },
    async (request) => ({ items: await breakGlass.listBreakGlass(serviceContext(request)) }),
  );
  app.post(
    '/api/break-glass/:id/review',
    {
      schema: {
        tags: ['break-glass'],
        summary: 'Review a grant (supervisor)',
        params: IdParams,
        body: BreakGlassReviewBody,
        response: { 200: BreakGlassDto, ...errors },
      },
    },
    (request) => breakGlass.reviewBreakGlass(serviceContext(request), request.params.id, request.body.note),
  );
};
