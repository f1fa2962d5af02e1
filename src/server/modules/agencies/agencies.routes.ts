import { AgencyListQuery, AgencyListResponse } from '@shared/contracts/agencies';
import { ErrorBody } from '@shared/contracts/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as agencies from './agencies.service';

/** Agencies: read over HTTP; changes go through the CLI until accounts and roles exist. */
export const agenciesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Agencies that users, tasks and records attach to',
        querystring: AgencyListQuery,
        response: { 200: AgencyListResponse, 400: ErrorBody },
      },
    },
    async (request) => ({
      items: await agencies.listAgencies(serviceContext(request), { includeInactive: request.query.includeInactive === 'true' }),
    }),
  );
};
