import helmet from '@fastify/helmet';
import { type Locale, negotiateLocale } from '@shared/locale';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of this request's messages: from `Accept-Language`, else the configured default. */
    locale: Locale;
  }
}

/**
 * Cross-cutting HTTP behaviour: language, request ids in responses, one log line per request,
 * security headers, and no caching of API answers (SECURITY-RELIABILITY.md S17).
 */
export const httpPlatform = fp<{ defaultLocale: Locale }>(async (app: FastifyInstance, { defaultLocale }) => {
  app.decorateRequest('locale', defaultLocale);
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.headers['accept-language'], defaultLocale);
    reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only makes sense behind HTTPS; the reverse proxy that terminates TLS sets it.
    strictTransportSecurity: false,
  });
});
