import { IdParams } from '@shared/contracts/auth';
import { ErrorBody, NoContent } from '@shared/contracts/common';
import {
  PasswordResetResponse,
  UserCreateBody,
  UserCreatedResponse,
  UserDto,
  UserListQuery,
  UserListResponse,
  UserUpdateBody,
} from '@shared/contracts/users';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as users from './users.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** User administration: system administrators only (permission `user:manage`). */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: UserListQuery,
        response: { 200: UserListResponse, ...errors },
      },
    },
    async (request) => ({
      items: await users.listUsers(serviceContext(request), {
        q: request.query.q,
        includeDisabled: request.query.includeDisabled === 'true',
      }),
    }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (one-time password shown once)',
        body: UserCreateBody,
        response: { 201: UserCreatedResponse, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await users.createUser(serviceContext(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'One user', params: IdParams, response: { 200: UserDto, ...errors } } },
    (request) => users.getUser(serviceContext(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change name, unit, agency, roles or disable (scope changes end all sessions)',
        params: IdParams,
        body: UserUpdateBody,
        response: { 200: UserDto, ...errors },
      },
    },
    (request) => users.updateUser(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'New one-time password',
        params: IdParams,
        response: { 200: PasswordResetResponse, ...errors },
      },
    },
    (request) => users.resetPassword(serviceContext(request), request.params.id),
  );

  app.post(
    '/api/users/:id/revoke-sessions',
    {
      schema: {
        tags: ['users'],
        summary: "End all the user's sessions and tokens",
        params: IdParams,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await users.revokeUserSessions(serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
