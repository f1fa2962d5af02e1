import type { FastifyRequest } from 'fastify';
import type { AppDeps, ServiceContext } from './context';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route registered on the app (HEAD excluded). */
    registeredRoutes: { method: string; url: string }[];
  }
}

/** The service context of one request: the shared dependencies plus what the request adds. */
export function serviceContext(request: FastifyRequest): ServiceContext {
  const { db, clock, secrets, envelope, enforcement } = request.server.deps;
  return {
    db,
    clock,
    locale: request.locale,
    actor: request.auth?.actor ?? null,
    requestId: request.id,
    ip: request.ip,
    secrets,
    envelope,
    enforcement: enforcement ?? 'service-and-database',
  };
}
