import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

/**
 * Structured JSON logs (pino, through Fastify). Personal data is kept out by construction:
 * requests are logged by route pattern (`/api/units/:code`), never by URL or query string, no
 * headers or bodies are logged, and the fields below are redacted should anything log them.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.idNumber',
  '*.fullName',
  '*.phone',
  '*.address',
];

export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'pcmt' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

const INBOUND_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's `x-request-id` when it is well-formed (for tracing through a proxy), else a UUID. */
export function requestIdFor(req: { headers: Record<string, string | string[] | undefined> }): string {
  const inbound = req.headers['x-request-id'];
  return typeof inbound === 'string' && INBOUND_ID.test(inbound) ? inbound : randomUUID();
}
