import type { FastifyRequest } from 'fastify';
import type { AppDeps, ServiceContext } from './context';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The service context of one request: the shared dependencies plus what the request adds. */
export function serviceContext(request: FastifyRequest): ServiceContext {
  const { db, clock } = request.server.deps;
  return { db, clock, locale: request.locale };
}
