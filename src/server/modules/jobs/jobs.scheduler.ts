import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/types';
import type { Envelope } from '../../platform/envelope';
import { createMailer, deliverPendingMail, type Mailer, type MailResult } from '../notifications/notifications.mail';
import './handlers';
import { enqueueDailyJobs, type JobLogger, type RunResult, runDueJobs } from './jobs.service';

export interface ScheduledWorkDeps {
  db: Kysely<DB>;
  clock: () => Date;
  logger: JobLogger;
  mailer: Mailer | null;
  /** For absolute links in e-mails (PCMT_PUBLIC_URL). */
  publicUrl: string | null;
  envelope?: Envelope | null;
  workerId?: string;
}

export interface ScheduledWorkResult {
  /** Daily jobs enqueued now (0 when another process, or an earlier run, already did today). */
  enqueued: number;
  jobs: RunResult;
  mail: MailResult;
}

/**
 * One round of background work: today's daily jobs are enqueued (once per Việt Nam date, whatever
 * the number of processes), every due job runs, then the notification e-mails go out. The
 * scheduler runs it every JOBS_INTERVAL_SECONDS; `npm run pcmt -- jobs run` runs it once.
 */
export async function runScheduledWork(deps: ScheduledWorkDeps): Promise<ScheduledWorkResult> {
  const enqueued = await enqueueDailyJobs(deps);
  const jobs = await runDueJobs(deps);
  const mail = await deliverPendingMail(deps);
  return { enqueued, jobs, mail };
}

export interface JobScheduler {
  /** Runs a round now (or waits for the one under way), as the timer does. */
  runNow(): Promise<ScheduledWorkResult | null>;
  /** Stops the timer and waits for the round under way. */
  stop(): Promise<void>;
}

/**
 * Runs `runScheduledWork` every `intervalMs`, the first time `firstRunDelayMs` after the start (so
 * a server that was down at midnight catches up). Rounds never overlap; a failing round is logged
 * and the next one comes at its time. The timers do not keep the process alive.
 */
export function startJobScheduler(
  deps: {
    db: Kysely<DB>;
    clock: () => Date;
    logger: JobLogger;
    config: Pick<Config, 'mail' | 'jobsIntervalMs'>;
    envelope?: Envelope | null;
  },
  options: { firstRunDelayMs?: number } = {},
): JobScheduler {
  const mailer = createMailer(deps.config.mail);
  const work: ScheduledWorkDeps = {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    mailer,
    publicUrl: deps.config.mail?.publicUrl ?? null,
    envelope: deps.envelope ?? null,
  };
  let running: Promise<ScheduledWorkResult | null> | null = null;
  let stopped = false;
  const round = (): Promise<ScheduledWorkResult | null> => {
    if (running) return running;
    if (stopped) return Promise.resolve(null);
    running = runScheduledWork(work)
      .then((result) => {
        const { jobs, mail } = result;
        if (
          result.enqueued + jobs.done + jobs.retried + jobs.failed + jobs.reclaimed + mail.sent + mail.retried + mail.failed >
          0
        ) {
          deps.logger.info({ enqueued: result.enqueued, jobs, mail }, 'scheduled work done');
        }
        return result;
      })
      .catch((error: unknown) => {
        const e = error as { code?: unknown; message?: unknown };
        deps.logger.error(
          { error: { code: typeof e?.code === 'string' ? e.code : null, message: String(e?.message ?? error) } },
          'scheduled work failed',
        );
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = setTimeout(() => void round(), options.firstRunDelayMs ?? 10_000);
  const every = setInterval(() => void round(), deps.config.jobsIntervalMs);
  first.unref();
  every.unref();
  return {
    runNow: round,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
      mailer?.close();
    },
  };
}

/**
 * The server's scheduler: started when the app is ready, stopped when it closes. Off when
 * JOBS_INTERVAL_SECONDS is 0. main.ts asks for it; tests build the app without it.
 */
export function installJobScheduler(app: FastifyInstance): void {
  const { config, db, clock, envelope } = app.deps;
  if (config.jobsIntervalMs <= 0) return;
  let scheduler: JobScheduler | null = null;
  app.addHook('onReady', async () => {
    scheduler = startJobScheduler({ db, clock, logger: app.log.child({ module: 'jobs' }), config, envelope });
  });
  app.addHook('onClose', async () => {
    await scheduler?.stop();
  });
}
