import {
  IdParams,
  LoginBody,
  MfaConfirmBody,
  MfaConfirmResponse,
  MfaEnrolResponse,
  MfaVerifyBody,
  PasswordChangeBody,
  SessionListResponse,
  SessionResponse,
  StepUpBody,
} from '@shared/contracts/auth';
import { ErrorBody, NoContent } from '@shared/contracts/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionIn } from '../../platform/authn';
import { AppError } from '../../platform/errors';
import { LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, SESSION_COOKIE } from './auth.policy';
import * as auth from './auth.service';
import * as sessions from './sessions.service';

function authContext(request: FastifyRequest): auth.AuthContext {
  const { db, clock, secrets, config } = request.server.deps;
  return { db, clock, secrets, config, requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  // No Max-Age: the cookie dies with the browser; the server enforces the idle and absolute limits.
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/' });
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** Login (password, then TOTP; or password change and enrolment at first login), logout, sessions. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password (first step)',
        body: LoginBody,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const issued = await auth.login(authContext(request), request.body);
      setSessionCookie(request, reply, issued.token);
      return auth.presentSession(authContext(request), issued.user, issued.session);
    },
  );

  app.post(
    '/api/auth/mfa/verify',
    {
      config: { auth: 'login-step', rateLimit: { max: LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Second step: a TOTP code or a recovery code',
        body: MfaVerifyBody,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const issued = await auth.verifyMfa(authContext(request), sessionIn(request, ['mfa']), request.body.code);
      setSessionCookie(request, reply, issued.token);
      return auth.presentSession(authContext(request), issued.user, issued.session);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { auth: 'login-step' },
      schema: {
        tags: ['auth'],
        summary: 'Change the password (required at first login)',
        body: PasswordChangeBody,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const issued = await auth.changePassword(authContext(request), sessionIn(request, ['setup', 'active']), request.body);
      setSessionCookie(request, reply, issued.token);
      return auth.presentSession(authContext(request), issued.user, issued.session);
    },
  );

  app.post(
    '/api/auth/mfa/enrol',
    {
      config: { auth: 'login-step' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: secret and QR code',
        response: { 200: MfaEnrolResponse, ...errors },
      },
    },
    (request) => auth.startEnrolment(authContext(request), sessionIn(request, ['setup'])),
  );

  app.post(
    '/api/auth/mfa/confirm',
    {
      config: { auth: 'login-step', rateLimit: { max: LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a first code; returns recovery codes once',
        body: MfaConfirmBody,
        response: { 200: MfaConfirmResponse, ...errors },
      },
    },
    async (request, reply) => {
      const issued = await auth.confirmEnrolment(authContext(request), sessionIn(request, ['setup']), request.body.code);
      setSessionCookie(request, reply, issued.token);
      return { ...auth.presentSession(authContext(request), issued.user, issued.session), recoveryCodes: issued.recoveryCodes };
    },
  );

  app.post(
    '/api/auth/step-up',
    {
      config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Enter the second factor again before a sensitive action',
        body: StepUpBody,
        response: { 200: SessionResponse, ...errors },
      },
    },
    async (request) => {
      const state = await auth.stepUp(authContext(request), sessionIn(request, ['active']), request.body.code);
      return auth.presentSession(authContext(request), state.user, state.session);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'login-step' },
      schema: {
        tags: ['auth'],
        summary: 'Log out (ends the session on the server)',
        response: { 204: NoContent, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      await auth.logout(authContext(request), sessionIn(request, ['setup', 'mfa', 'active']));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { auth: 'login-step' },
      schema: { tags: ['auth'], summary: 'The current session and user', response: { 200: SessionResponse, 401: ErrorBody } },
    },
    (request) => {
      const state = request.auth?.session;
      if (!state) throw new AppError('AUTH_REQUIRED');
      return auth.presentSession(authContext(request), state.user, state.session);
    },
  );

  app.get(
    '/api/me/sessions',
    { schema: { tags: ['auth'], summary: 'My open sessions', response: { 200: SessionListResponse, 401: ErrorBody } } },
    async (request) => ({ items: await sessions.listMySessions(request) }),
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions',
        params: IdParams,
        response: { 204: NoContent, 404: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const ended = await sessions.revokeMySession(request, request.params.id);
      if (ended === 'current') reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
