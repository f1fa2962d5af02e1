import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import {
  FacilitiesQuery,
  FacilitiesResponse,
  FacilityCreateBody,
  FacilityDto,
  FacilityUpdateBody,
} from '@shared/contracts/facilities';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as facilities from './facilities.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Rehab, methadone and determination facilities with capacity and derived occupancy (issue #5 item 5). */
export const facilitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/facilities',
    {
      schema: {
        tags: ['facilities'],
        summary: 'Facilities with capacity and occupancy',
        querystring: FacilitiesQuery,
        response: { 200: FacilitiesResponse, ...errors },
      },
    },
    (request) => facilities.listFacilitiesFor(serviceContext(request), request.query),
  );
  app.post(
    '/api/facilities',
    {
      schema: {
        tags: ['facilities'],
        summary: 'Add a facility (system administrator, or provincial officer in their province)',
        body: FacilityCreateBody,
        response: { 201: FacilityDto, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await facilities.createFacility(serviceContext(request), request.body)),
  );
  app.patch(
    '/api/facilities/:id',
    {
      schema: {
        tags: ['facilities'],
        summary: 'Change a facility (409 VERSION_CONFLICT when stale)',
        params: IdParams,
        body: FacilityUpdateBody,
        response: { 200: FacilityDto, ...errors },
      },
    },
    (request) => facilities.updateFacilityFor(serviceContext(request), request.params.id, request.body),
  );
};
