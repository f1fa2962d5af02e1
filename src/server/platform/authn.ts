import type { SessionStage } from '@shared/contracts/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from '../modules/auth/auth.policy';
import { actorOf, resolveApiToken, resolveSession, type SessionState } from '../modules/auth/auth.service';
import type { Actor } from './context';
import { AppError } from './errors';

/** How a route is reached: without login, by any session (login steps), or only when fully logged in. */
export type RouteAuth = 'public' | 'login-step' | 'active';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Default `active`. */
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** Set for every authenticated request; null on public routes. */
    auth: { actor: Actor; session: SessionState | null } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every /api request that is not public: a bearer API token, or the session cookie.
 * Cookie-authenticated writes must carry the session's CSRF token (`x-csrf-token`); together with
 * SameSite=Strict that stops cross-site request forgery. Tokens are not cookies, so they need none.
 */
export const authentication = fp(async (app: FastifyInstance) => {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // By matched route, not URL: unknown paths (404) and the web app's static files need no login,
    // and the API description is public like any API's documentation.
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || request.is404 || route.startsWith('/api/docs') || route === '/api/openapi.json') return;
    const mode = request.routeOptions.config.auth ?? 'active';
    if (mode === 'public') return;
    const { db, clock, secrets } = request.server.deps;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const user = token ? await resolveApiToken({ db, clock }, token) : null;
      if (!user) throw new AppError('AUTH_REQUIRED', {}, undefined, 'token_rejected');
      request.auth = { actor: actorOf(user, 'token', null), session: null };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const state = cookie ? await resolveSession({ db, clock }, cookie) : null;
    if (!state) {
      if (cookie) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new AppError('AUTH_REQUIRED');
    }
    // Known before the checks below, so that a refusal is audited with who was refused.
    request.auth = { actor: actorOf(state.user, 'session', state.session), session: state };
    if (mode === 'active' && state.session.stage !== 'active') throw new AppError('LOGIN_INCOMPLETE');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !secrets.macEquals('csrf', state.session.id, header)) throw new AppError('CSRF_INVALID');
    }
  });
});

/** The session of a login-step route, in one of the stages it accepts. */
export function sessionIn(request: FastifyRequest, stages: readonly SessionStage[]): SessionState {
  const session = request.auth?.session;
  if (!session) throw new AppError('AUTH_REQUIRED');
  if (!stages.includes(session.session.stage)) throw new AppError('LOGIN_INCOMPLETE');
  return session;
}

/** The actor of an authenticated route. */
export function actorOfRequest(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('AUTH_REQUIRED');
  return request.auth.actor;
}
