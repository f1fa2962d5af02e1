import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { APP_VERSION } from './version';

/**
 * OpenAPI 3.1, generated from the zod contracts each route declares. `/api/openapi.json` is the
 * document, `/api/docs` the browsable page (assets served locally; no CDN).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PCMT API',
        description:
          'Hệ thống quản lý công tác phòng, chống ma túy. Errors are `{ code, message, issues?, requestId }`; ' +
          'messages follow `Accept-Language` (vi by default, en). Dates are ISO `YYYY-MM-DD`.',
        version: APP_VERSION,
      },
      tags: [
        { name: 'operations', description: 'Liveness and readiness' },
        { name: 'units', description: 'Đơn vị hành chính: administrative units with history' },
        { name: 'agencies', description: 'Cơ quan, đơn vị: agencies' },
        { name: 'auth', description: 'Login (password + TOTP), sessions' },
        { name: 'users', description: 'User administration (system admin)' },
        { name: 'audit', description: 'Audit log (auditors)' },
        { name: 'break-glass', description: 'Emergency access to one record' },
        { name: 'persons', description: 'Đối tượng, hồ sơ quản lý: the person registry' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP: true,
  });
}
