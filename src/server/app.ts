import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { agenciesRoutes } from './modules/agencies/agencies.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { breakGlassRoutes } from './modules/break-glass/break-glass.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { facilitiesRoutes } from './modules/facilities/facilities.routes';
import { healthRoutes } from './modules/health/health.routes';
import { installJobScheduler } from './modules/jobs/jobs.scheduler';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { personImportsRoutes } from './modules/person-imports/person-imports.routes';
import { personAttachmentsRoutes } from './modules/persons/person-attachments.routes';
import { personMergesRoutes } from './modules/persons/person-merges.routes';
import { personTransfersRoutes } from './modules/persons/person-transfers.routes';
import { personsRoutes } from './modules/persons/persons.routes';
import { planImportsRoutes } from './modules/plans/plan-imports.routes';
import { plansRoutes } from './modules/plans/plans.routes';
import { proceduresRoutes } from './modules/procedures/procedures.routes';
import { rulesRoutes } from './modules/rules/rules.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { unitsRoutes } from './modules/units/units.routes';
import { usersRoutes } from './modules/users/users.routes';
import { workQueueRoutes } from './modules/work-queue/work-queue.routes';
import { authentication } from './platform/authn';
import type { AppDeps } from './platform/context';
import { installErrorHandler } from './platform/error-handler';
import { AppError } from './platform/errors';
import { httpPlatform } from './platform/http';
import { loggerOptions, requestIdFor } from './platform/logger';
import { registerOpenApi } from './platform/openapi';
import { zodValidatorCompiler } from './platform/validation';
import { registerWebAssets } from './platform/web-assets';

export interface BuildAppOptions {
  /** Serve dist/web (the server does; API tests do not need it). */
  serveWeb?: boolean;
  /** Run the background-job scheduler (the server does, every JOBS_INTERVAL_SECONDS; tests do not). */
  runJobs?: boolean;
}

/**
 * The composition root of the HTTP server: platform plugins, then each module's routes.
 * Used by main.ts and, through `inject()`, by the tests. Adding a module = one line here.
 */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config),
    genReqId: requestIdFor,
    // One line per request comes from platform/http.ts (route pattern, no URL), not Fastify's own.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  // Every route, as registered: the authorization-matrix suite fails on any route it does not cover.
  const registeredRoutes: { method: string; url: string }[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') registeredRoutes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(httpPlatform, { defaultLocale: deps.config.defaultLocale });
  await app.register(fastifyCookie);
  // Per-route limits only (login steps); the answer is our own RATE_LIMITED error body.
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  await app.register(authentication);
  await registerOpenApi(app);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(unitsRoutes);
  await app.register(agenciesRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(breakGlassRoutes);
  await app.register(personsRoutes);
  await app.register(personImportsRoutes);
  await app.register(personTransfersRoutes);
  await app.register(personMergesRoutes);
  await app.register(settingsRoutes);
  await app.register(rulesRoutes);
  await app.register(calendarRoutes);
  await app.register(personAttachmentsRoutes);
  await app.register(facilitiesRoutes);
  await app.register(proceduresRoutes);
  await app.register(workQueueRoutes);
  await app.register(plansRoutes);
  await app.register(planImportsRoutes);

  await app.register(notificationsRoutes);
  if (options.runJobs) installJobScheduler(app);

  await registerWebAssets(app, options.serveWeb ? deps.config.webDistDir : '');
  return app;
}
