import {
  CalendarYearBody,
  CalendarYearDto,
  CalendarYearParams,
  WorkingDaysDto,
  WorkingDaysQuery,
} from '@shared/contracts/calendar';
import { ErrorBody } from '@shared/contracts/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as calendar from './calendar.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The working-day calendar: everyone reads it; the system administrator enters a year's announcement. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The date "within N working days of <from>" falls on',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDaysDto, ...errors },
      },
    },
    (request) => calendar.workingDaysFrom(serviceContext(request), request.query.from, request.query.days),
  );
  app.get(
    '/api/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "A year's days off and working-day count",
        params: CalendarYearParams,
        response: { 200: CalendarYearDto, ...errors },
      },
    },
    (request) => calendar.getCalendarYear(serviceContext(request), request.params.year),
  );
  app.put(
    '/api/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "Enter a year's announcement: Tết days, the day next to 2/9, swaps (409 when stale)",
        params: CalendarYearParams,
        body: CalendarYearBody,
        response: { 200: CalendarYearDto, ...errors, 409: ErrorBody.extend({ current: CalendarYearDto.optional() }) },
      },
    },
    (request) => calendar.putCalendarYear(serviceContext(request), request.params.year, request.body),
  );
};
