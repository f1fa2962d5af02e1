import { HealthResponse, ReadyResponse } from '@shared/contracts/health';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { migrationStatus } from '../../db/migrate';
import { APP_VERSION } from '../../platform/version';

/** Liveness (never touches the database) and readiness (database reachable, schema current). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { config: { auth: 'public' }, schema: { tags: ['operations'], summary: 'Liveness', response: { 200: HealthResponse } } },
    async () => ({ status: 'ok' as const, version: APP_VERSION, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/api/ready',
    {
      config: { auth: 'public' },
      schema: { tags: ['operations'], summary: 'Readiness', response: { 200: ReadyResponse, 503: ReadyResponse } },
    },
    async (request, reply) => {
      const { db, dbMode } = request.server.deps;
      try {
        await sql`select 1`.execute(db);
        const status = await migrationStatus(db);
        const ready = status.pending.length === 0;
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'not_ready',
          database: {
            mode: dbMode,
            reachable: true,
            appliedMigrations: status.applied.length,
            pendingMigrations: status.pending,
          },
        });
      } catch (error) {
        request.log.warn({ err: { message: (error as Error).message } }, 'readiness check failed');
        return reply.status(503).send({
          status: 'not_ready',
          database: { mode: dbMode, reachable: false, appliedMigrations: 0, pendingMigrations: [] },
        });
      }
    },
  );
};
