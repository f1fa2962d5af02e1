import { ErrorBody } from '@shared/contracts/common';
import { SettingDto, SettingKeyParams, SettingsResponse, SettingUpdateBody } from '@shared/contracts/settings';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as settings from './settings.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Settings stored as data (legal parameters with their citation): the system administrator's. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings',
    { schema: { tags: ['settings'], summary: 'Every setting', response: { 200: SettingsResponse, ...errors } } },
    (request) => settings.listSettings(serviceContext(request)),
  );
  app.get(
    '/api/settings/:key',
    {
      schema: { tags: ['settings'], summary: 'One setting', params: SettingKeyParams, response: { 200: SettingDto, ...errors } },
    },
    (request) => settings.getSetting(serviceContext(request), request.params.key),
  );
  app.put(
    '/api/settings/:key',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change a setting (409 VERSION_CONFLICT when stale)',
        params: SettingKeyParams,
        body: SettingUpdateBody,
        response: { 200: SettingDto, ...errors, 409: ErrorBody.extend({ current: SettingDto.optional() }) },
      },
    },
    (request) => settings.updateSetting(serviceContext(request), request.params.key, request.body),
  );
};
