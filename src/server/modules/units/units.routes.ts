import { ErrorBody } from '@shared/contracts/common';
import {
  UnitAtQuery,
  UnitCodeParams,
  UnitDetailResponse,
  UnitListQuery,
  UnitListResponse,
  UnitPeriodsResponse,
  UnitPredecessorsResponse,
  UnitSearchQuery,
  UnitSearchResponse,
  UnitSubtreeQuery,
  UnitSubtreeResponse,
  UnitSuccessorsQuery,
  UnitSuccessorsResponse,
} from '@shared/contracts/units';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as units from './units.service';

const errors = { 400: ErrorBody, 404: ErrorBody };

/** Administrative units: public reference data (no personal data), read-only over HTTP. */
export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Children of a unit (or the provinces) valid on a date',
        querystring: UnitListQuery,
        response: { 200: UnitListResponse, ...errors },
      },
    },
    (request) => units.listUnits(serviceContext(request), request.query),
  );

  app.get(
    '/api/units/search',
    {
      schema: {
        tags: ['units'],
        summary: 'Search unit names (accent-insensitive, word-order and typo tolerant) or codes',
        querystring: UnitSearchQuery,
        response: { 200: UnitSearchResponse, ...errors },
      },
    },
    (request) => units.searchUnits(serviceContext(request), request.query),
  );

  app.get(
    '/api/units/periods',
    {
      schema: {
        tags: ['units'],
        summary: 'Hierarchy periods loaded (before and from 01/07/2025)',
        response: { 200: UnitPeriodsResponse },
      },
    },
    (request) => units.listPeriods(serviceContext(request)),
  );

  app.get(
    '/api/units/:code',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit valid on a date, with its ancestors',
        params: UnitCodeParams,
        querystring: UnitAtQuery,
        response: { 200: UnitDetailResponse, ...errors },
      },
    },
    (request) => units.getUnit(serviceContext(request), request.params.code, request.query.at),
  );

  app.get(
    '/api/units/:code/subtree',
    {
      schema: {
        tags: ['units'],
        summary: 'Every unit below a unit, valid on a date',
        params: UnitCodeParams,
        querystring: UnitSubtreeQuery,
        response: { 200: UnitSubtreeResponse, ...errors },
      },
    },
    (request) => units.getSubtree(serviceContext(request), request.params.code, request.query),
  );

  app.get(
    '/api/units/:code/successors',
    {
      schema: {
        tags: ['units'],
        summary: 'Which current unit(s) an old unit became (full or partial merge)',
        params: UnitCodeParams,
        querystring: UnitSuccessorsQuery,
        response: { 200: UnitSuccessorsResponse, ...errors },
      },
    },
    (request) => units.mapOldUnit(serviceContext(request), request.params.code, request.query),
  );

  app.get(
    '/api/units/:code/predecessors',
    {
      schema: {
        tags: ['units'],
        summary: 'The earlier units merged into a unit',
        params: UnitCodeParams,
        querystring: UnitAtQuery,
        response: { 200: UnitPredecessorsResponse, ...errors },
      },
    },
    (request) => units.listPredecessors(serviceContext(request), request.params.code, request.query.at),
  );
};
