import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { errorMessage } from '@shared/errors';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built single-page app from dist/web and answers unknown non-API paths with its
 * index.html, so that deep links (/units?code=00004) survive a reload. Unknown /api paths get the
 * JSON 404 every API error has.
 */
export async function registerWebAssets(app: FastifyInstance, webDistDir: string): Promise<void> {
  const hasBuild = existsSync(path.join(webDistDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      index: false,
      wildcard: true,
      setHeaders: (reply, file) => {
        // Vite puts a content hash in every asset name, so assets never change under one name.
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // `index: false` keeps directories from being listed or served; the app's entry is explicit.
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const pathOnly = request.url.split('?')[0] ?? request.url;
    if (pathOnly.startsWith('/api/') || pathOnly === '/api' || request.method !== 'GET') {
      return reply.status(404).send({
        code: 'ROUTE_NOT_FOUND',
        message: errorMessage('ROUTE_NOT_FOUND', request.locale, { method: request.method, path: pathOnly }),
        requestId: request.id,
      });
    }
    if (!hasBuild) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Giao diện web chưa được build: chạy `npm run build`. / The web UI is not built: run `npm run build`.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
