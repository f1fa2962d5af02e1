import { hostname } from 'node:os';
import { todayInVietnam } from '@shared/dates';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB, JobTable } from '../../db/types';
import { type DbScope, inScope } from '../../platform/db-scope';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import * as repo from './jobs.repo';

/**
 * Background jobs (issue #5, item 6): a job table in the database, claimed with `FOR UPDATE SKIP
 * LOCKED` (STACK-AND-LAYOUT.md §2.12), so any number of server processes and `npm run pcmt --
 * jobs run` share the work and each job runs once at a time. Modules register a handler per kind;
 * each run is one transaction in the system scope, finished (`done`) in that same transaction.
 */

/** What a job handler may log: an object of ids and counts (never personal data), then a message. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobContext {
  /** The job's own transaction, in the system scope: everything it writes commits with `done`, or not at all. */
  db: Transaction<DB>;
  clock: () => Date;
  logger: JobLogger;
  /** Encryption of personal data, for handlers that read or write sealed fields; null where the runner has none. */
  envelope: Envelope | null;
}

export interface Job {
  id: string;
  kind: string;
  /** What makes this run unique among the kind's runs (a daily job's Việt Nam date, `2026-11-24`). */
  runKey: string;
  payload: Record<string, unknown>;
  /** This run's attempt, from 1. */
  attempt: number;
}

/**
 * A job's work. Throwing rolls its transaction back and the job is retried later (at most
 * `JOB_MAX_ATTEMPTS` runs in all); the error's code and message are kept in `last_error`, so they
 * must not carry personal data. It should finish well within `JOB_STUCK_AFTER_MS`.
 */
export type JobHandler = (ctx: JobContext, job: Job) => Promise<void>;

export interface JobDeps {
  db: Kysely<DB>;
  clock: () => Date;
  logger: JobLogger;
  /** Passed on to handlers (`JobContext.envelope`): the server's and the CLI's keyring. */
  envelope?: Envelope | null;
  /** Who claims (host and process id by default): shown in `job.claimed_by`. */
  workerId?: string;
}

export const JOB_MAX_ATTEMPTS = 5;
/** A job `running` for longer than this is taken to be abandoned (its process died) and queued again. */
export const JOB_STUCK_AFTER_MS = 15 * 60_000;
/** Waits before attempts 2, 3, 4 and 5: 5, 10, 20 and 40 minutes. */
export function retryDelayMs(attemptsMade: number): number {
  return 5 * 60_000 * 2 ** Math.max(0, attemptsMade - 1);
}

/**
 * The kinds enqueued once per Việt Nam date by `enqueueDailyJobs` (run key: the date). The
 * procedures module registers the handler of `deadlines.daily` (overdue deadlines, reminders),
 * the plans module `plans.daily` (report reminders).
 */
export const DAILY_JOB_KINDS = ['deadlines.daily', 'plans.daily'] as const;

const SYSTEM: DbScope = { kind: 'system', reason: 'jobs' };
const handlers = new Map<string, JobHandler>();

/** Registers the handler of a job kind (once per process; a second, different handler is a bug). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(kind)) throw new Error(`job kind ${JSON.stringify(kind)}: lowercase, digits, . _ -`);
  const existing = handlers.get(kind);
  if (existing && existing !== handler) throw new Error(`job kind ${kind} already has a handler`);
  handlers.set(kind, handler);
}

/** The kinds this process can run (a runner claims only these). */
export function registeredJobKinds(): string[] {
  return [...handlers.keys()].sort();
}

/**
 * Adds a job inside the caller's transaction, which must be in the system scope. A second job of
 * the same kind and run key is not added: returns whether this one was.
 */
export async function enqueueJob(
  trx: Executor,
  input: { kind: string; runKey: string; payload?: Record<string, unknown>; notBefore?: Date },
  now: Date,
): Promise<boolean> {
  const row = await repo.enqueue(trx, {
    kind: input.kind,
    runKey: input.runKey,
    payload: input.payload ?? {},
    notBefore: input.notBefore ?? now,
    now,
  });
  return row !== undefined;
}

/** One job per daily kind for `today` (a Việt Nam date, default: today there). Returns how many were new. */
export async function enqueueDailyJobs(deps: Pick<JobDeps, 'db' | 'clock'>, today?: string): Promise<number> {
  const now = deps.clock();
  const date = today ?? todayInVietnam(now);
  return inScope(
    deps.db,
    SYSTEM,
    async (trx) => {
      let added = 0;
      for (const kind of DAILY_JOB_KINDS) {
        if (await enqueueJob(trx, { kind, runKey: date, payload: { date } }, now)) added++;
      }
      return added;
    },
    now,
  );
}

export interface RunResult {
  /** Jobs that ran to `done`. */
  done: number;
  /** Jobs whose handler failed and that wait for another attempt. */
  retried: number;
  /** Jobs that failed their last attempt (or were abandoned on it). */
  failed: number;
  /** Abandoned jobs queued again. */
  reclaimed: number;
}

/**
 * Runs every due job this process has a handler for, one at a time, until none is left (or
 * `maxJobs` ran). Abandoned jobs are queued again first. A failing handler never stops the run:
 * its job records the error and waits for its next attempt.
 */
export async function runDueJobs(deps: JobDeps, options: { maxJobs?: number } = {}): Promise<RunResult> {
  const worker = deps.workerId ?? defaultWorkerId();
  const result: RunResult = { done: 0, retried: 0, failed: 0, reclaimed: 0 };
  const start = deps.clock();
  const stuck = await inScope(
    deps.db,
    SYSTEM,
    (trx) =>
      repo.reclaimStuck(trx, {
        claimedBefore: new Date(start.getTime() - JOB_STUCK_AFTER_MS),
        maxAttempts: JOB_MAX_ATTEMPTS,
        error: 'JOB_ABANDONED: running for more than 15 minutes',
        now: start,
      }),
    start,
  );
  result.reclaimed = stuck.requeued;
  result.failed += stuck.failed;
  if (stuck.requeued + stuck.failed > 0) deps.logger.warn({ ...stuck }, 'abandoned jobs reclaimed');

  const kinds = registeredJobKinds();
  const maxJobs = options.maxJobs ?? 1000;
  for (let ran = 0; kinds.length > 0 && ran < maxJobs; ran++) {
    const now = deps.clock();
    const row = await inScope(deps.db, SYSTEM, (trx) => repo.claimNext(trx, { kinds, worker, now }), now);
    if (!row) break;
    const outcome = await runOne(deps, row, worker);
    result[outcome]++;
  }
  return result;
}

/** Thrown inside a job's transaction when its claim was taken over meanwhile: its work is rolled back. */
class ClaimLostError extends Error {}

async function runOne(deps: JobDeps, row: Selectable<JobTable>, worker: string): Promise<'done' | 'retried' | 'failed'> {
  const claim = { id: row.id, worker, attempts: row.attempts };
  const job: Job = { id: row.id, kind: row.kind, runKey: row.run_key, payload: row.payload, attempt: row.attempts };
  const log = { jobId: row.id, kind: row.kind, runKey: row.run_key, attempt: row.attempts };
  const startedAt = Date.now();
  try {
    const handler = handlers.get(row.kind);
    if (!handler) throw new Error(`no handler for job kind ${row.kind}`);
    const now = deps.clock();
    await inScope(
      deps.db,
      SYSTEM,
      async (trx) => {
        await handler({ db: trx, clock: deps.clock, logger: deps.logger, envelope: deps.envelope ?? null }, job);
        if (!(await repo.markDone(trx, claim, deps.clock()))) throw new ClaimLostError();
      },
      now,
    );
    deps.logger.info({ ...log, ms: Date.now() - startedAt }, 'job done');
    return 'done';
  } catch (error) {
    if (error instanceof ClaimLostError) {
      deps.logger.warn(log, 'job claim lost (taken over as abandoned): its work was rolled back');
      return 'retried';
    }
    const now = deps.clock();
    const lastAttempt = row.attempts >= JOB_MAX_ATTEMPTS;
    const retryAt = lastAttempt ? null : new Date(now.getTime() + retryDelayMs(row.attempts));
    const described = describeJobError(error);
    try {
      await inScope(deps.db, SYSTEM, (trx) => repo.markFailed(trx, claim, { error: described, retryAt, now }), now);
    } catch (recordError) {
      // The database itself is failing: the job stays `running` and is reclaimed after 15 minutes.
      deps.logger.error({ ...log, error: describeJobError(recordError) }, 'job failure not recorded');
    }
    deps.logger[lastAttempt ? 'error' : 'warn'](
      { ...log, error: described, retryAt: retryAt?.toISOString() ?? null },
      lastAttempt ? 'job failed' : 'job failed, will retry',
    );
    return lastAttempt ? 'failed' : 'retried';
  }
}

/**
 * An error as `last_error` keeps it: its code and message, never its stack or PostgreSQL's
 * `detail` (which can quote stored values). An AppError's message is its code.
 */
export function describeJobError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error';
  const message = error instanceof AppError ? '' : typeof e?.message === 'string' ? e.message : String(error);
  const text = message && message !== code ? `${code}: ${message}` : code;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and other control characters cannot be stored
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').slice(0, 500);
}

function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}`.slice(0, 200);
}

/** One job as stored (tests, diagnostics). System scope. */
export function findJob(deps: Pick<JobDeps, 'db'>, kind: string, runKey: string) {
  return inScope(deps.db, SYSTEM, (trx) => repo.find(trx, kind, runKey));
}
