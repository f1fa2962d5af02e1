import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../../tests/support/auth';
import { createTestDatabase, isServerPg, type TestDatabase } from '../../../../tests/support/test-db';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import type { DB } from '../../db/types';
import { inScope } from '../../platform/db-scope';
import { createNotifications } from '../notifications/notifications.service';
import { createUser } from '../users/users.service';
import * as repo from './jobs.repo';
import {
  DAILY_JOB_KINDS,
  enqueueDailyJobs,
  enqueueJob,
  findJob,
  JOB_MAX_ATTEMPTS,
  type JobLogger,
  registerJobHandler,
  retryDelayMs,
  runDueJobs,
} from './jobs.service';

const SYSTEM = { kind: 'system' as const, reason: 'test' };
let database: TestDatabase;
let userId = '';

/** Keeps what the runner logs, to show that it holds ids and codes only. */
function captureLogger() {
  const lines: { level: string; obj: object; msg?: string | undefined }[] = [];
  const logger: JobLogger = {
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
  return { lines, logger };
}

function enqueue(kind: string, runKey: string, now: Date, payload: Record<string, unknown> = {}) {
  return inScope(database.db, SYSTEM, (trx) => enqueueJob(trx, { kind, runKey, payload }, now), now);
}

// Test kinds: the runner claims only kinds this process has a handler for.
const okRuns: string[] = [];
registerJobHandler('test.ok', async (_ctx, job) => {
  okRuns.push(job.runKey);
});
let flakyRuns = 0;
registerJobHandler('test.flaky', async (ctx, job) => {
  flakyRuns++;
  // Work done before the failure is rolled back with it.
  await createNotifications(
    ctx.db,
    [{ userId, kind: 'test.flaky', title: 'Không được lưu', dedupeKey: `flaky:${job.attempt}` }],
    ctx.clock(),
  );
  throw Object.assign(new Error('máy chủ bận'), { code: 'TEST_BUSY' });
});

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createUser(
    { db: database.db, clock: () => new Date(), locale: 'vi' },
    {
      username: 'jobs.officer',
      displayName: 'Cán bộ việc nền',
      unitCode: '00004',
      agencyCode: 'CA_XA',
      roles: ['commune_officer'],
    },
  );
  userId = created.user.id;
}, 120_000);
afterAll(() => database.close());

describe('daily jobs', () => {
  it('are enqueued once per Việt Nam date, however many times and processes ask', async () => {
    // 23:59 on 24/11 in Hà Nội is 16:59 UTC; a minute later it is the 25th there.
    const evening = new TestClock(new Date('2026-11-24T16:59:00Z'));
    expect(await enqueueDailyJobs({ db: database.db, clock: evening.read })).toBe(DAILY_JOB_KINDS.length);
    expect(await enqueueDailyJobs({ db: database.db, clock: evening.read })).toBe(0);
    expect(await enqueueDailyJobs({ db: database.db, clock: evening.read }, '2026-11-24')).toBe(0);
    evening.advance(60_000);
    expect(await enqueueDailyJobs({ db: database.db, clock: evening.read })).toBe(DAILY_JOB_KINDS.length);
    const { rows } = await sql<{ run_key: string; status: string; payload: unknown }>`
      SELECT run_key, status, payload FROM job WHERE kind = 'deadlines.daily' ORDER BY run_key`.execute(database.db);
    expect(rows).toEqual([
      { run_key: '2026-11-24', status: 'queued', payload: { date: '2026-11-24' } },
      { run_key: '2026-11-25', status: 'queued', payload: { date: '2026-11-25' } },
    ]);
  });
});

describe('the job runner', () => {
  it('runs due jobs to done, and a failing one retries with backoff, then fails with its error code only', async () => {
    const clock = new TestClock(new Date('2026-11-24T01:00:00Z'));
    const { lines, logger } = captureLogger();
    const deps = { db: database.db, clock: clock.read, logger, workerId: 'test-runner' };
    await enqueue('test.flaky', 'flaky-1', clock.read());
    await enqueue('test.ok', 'ok-1', clock.read());
    await enqueue('test.ok', 'ok-later', new Date(clock.read().getTime() + 48 * 3_600_000)); // due in two days
    expect(await enqueue('test.ok', 'ok-1', clock.read())).toBe(false);

    // The failing job does not stop the run: the other one is done.
    expect(await runDueJobs(deps)).toEqual({ done: 1, retried: 1, failed: 0, reclaimed: 0 });
    expect(okRuns).toEqual(['ok-1']);
    let flaky = await findJob(deps, 'test.flaky', 'flaky-1');
    expect(flaky).toMatchObject({ status: 'queued', attempts: 1, last_error: 'TEST_BUSY: máy chủ bận', finished_at: null });
    expect(flaky?.not_before.getTime()).toBe(clock.read().getTime() + retryDelayMs(1));
    // Not again before its time.
    expect(await runDueJobs(deps)).toEqual({ done: 0, retried: 0, failed: 0, reclaimed: 0 });

    for (let attempt = 2; attempt <= JOB_MAX_ATTEMPTS; attempt++) {
      clock.advance(retryDelayMs(attempt - 1));
      const result = await runDueJobs(deps);
      expect(result, `attempt ${attempt}`).toMatchObject(
        attempt < JOB_MAX_ATTEMPTS ? { retried: 1, failed: 0 } : { retried: 0, failed: 1 },
      );
    }
    flaky = await findJob(deps, 'test.flaky', 'flaky-1');
    expect(flaky).toMatchObject({ status: 'failed', attempts: JOB_MAX_ATTEMPTS, last_error: 'TEST_BUSY: máy chủ bận' });
    expect(flaky?.finished_at).not.toBeNull();
    expect(flakyRuns).toBe(JOB_MAX_ATTEMPTS);
    // Each failed run rolled its own writes back.
    const kept = await inScope(database.db, SYSTEM, (trx) =>
      trx.selectFrom('notification').select('id').where('kind', '=', 'test.flaky').execute(),
    );
    expect(kept).toEqual([]);
    // Failed for good: never claimed again, even much later; the job not yet due runs when it is.
    clock.advance(72 * 3_600_000);
    expect(await runDueJobs(deps)).toEqual({ done: 1, retried: 0, failed: 0, reclaimed: 0 });
    expect(okRuns).toEqual(['ok-1', 'ok-later']);
    expect(flakyRuns).toBe(JOB_MAX_ATTEMPTS);
    // The log carries ids, kinds and the error code, nothing else.
    const failure = lines.find((l) => l.msg === 'job failed');
    expect(failure?.obj).toMatchObject({ kind: 'test.flaky', runKey: 'flaky-1', attempt: 5, error: 'TEST_BUSY: máy chủ bận' });
  });

  it('takes back a job whose runner died, after 15 minutes', async () => {
    const clock = new TestClock(new Date('2026-11-25T01:00:00Z'));
    const deps = { db: database.db, clock: clock.read, logger: captureLogger().logger, workerId: 'live-runner' };
    await enqueue('test.ok', 'orphan', clock.read());
    const claimed = await inScope(database.db, SYSTEM, (trx) =>
      repo.claimNext(trx, { kinds: ['test.ok'], worker: 'dead-runner', now: clock.read() }),
    );
    expect(claimed).toMatchObject({ run_key: 'orphan', status: 'running', claimed_by: 'dead-runner', attempts: 1 });
    clock.advance(14 * 60_000);
    expect(await runDueJobs(deps)).toEqual({ done: 0, retried: 0, failed: 0, reclaimed: 0 });
    clock.advance(2 * 60_000);
    expect(await runDueJobs(deps)).toEqual({ done: 1, retried: 0, failed: 0, reclaimed: 1 });
    expect(await findJob(deps, 'test.ok', 'orphan')).toMatchObject({
      status: 'done',
      attempts: 2,
      claimed_by: 'live-runner',
      last_error: 'JOB_ABANDONED: running for more than 15 minutes',
    });
    // The dead runner's late finish does not count: its claim is gone.
    expect(
      await inScope(database.db, SYSTEM, (trx) =>
        repo.markDone(trx, { id: claimed?.id ?? '', worker: 'dead-runner', attempts: 1 }, clock.read()),
      ),
    ).toBe(false);
  });

  it('keeps jobs from every user: only the system scope sees or adds them', async () => {
    const scope = {
      kind: 'user' as const,
      userId,
      roles: ['commune_officer' as const],
      unitPath: '01.00004',
      agency: 'CA_XA',
      agencyKind: 'police' as const,
      agencyLevel: 'commune' as const,
    };
    const seen = await inScope(database.db, scope, (trx) => sql<{ n: number }>`SELECT count(*)::int AS n FROM job`.execute(trx));
    expect(seen.rows[0]?.n).toBe(0);
    await expect(
      inScope(database.db, scope, (trx) => enqueueJob(trx, { kind: 'test.ok', runKey: 'by-user' }, new Date())),
    ).rejects.toThrow(/row-level security/);
    const all = await inScope(database.db, SYSTEM, (trx) => sql<{ n: number }>`SELECT count(*)::int AS n FROM job`.execute(trx));
    expect(all.rows[0]?.n).toBeGreaterThan(0);
  });
});

// PGlite serialises everything on one connection and has no real row locks (ARCHITECTURE.md), so
// two runners there cannot race at all: the concurrent claim is shown on PostgreSQL only.
describe.runIf(isServerPg)('two runners on two connections (PostgreSQL)', () => {
  let second: Kysely<DB>;
  let closeSecond: () => Promise<void>;
  const runs: string[] = [];
  beforeAll(async () => {
    const opened = await openDatabase(loadConfig({ DATABASE_URL: database.url ?? '', LOG_LEVEL: 'silent' }), { purpose: 'test' });
    second = opened.db;
    closeSecond = opened.close;
    registerJobHandler('test.concurrent', async (ctx, job) => {
      runs.push(job.runKey);
      await sql`SELECT pg_sleep(0.005)`.execute(ctx.db);
    });
  });
  afterAll(() => closeSecond());

  it('never run the same job twice', async () => {
    const now = new Date('2026-11-26T01:00:00Z');
    for (let i = 0; i < 60; i++) await enqueue('test.concurrent', `c-${i}`, now);
    const clock = () => new Date(now);
    const [a, b] = await Promise.all([
      runDueJobs({ db: database.db, clock, logger: captureLogger().logger, workerId: 'runner-a' }),
      runDueJobs({ db: second, clock, logger: captureLogger().logger, workerId: 'runner-b' }),
    ]);
    expect(a.done + b.done).toBe(60);
    // Both took part: the race was real.
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    expect(runs).toHaveLength(60);
    expect(new Set(runs).size).toBe(60);
    const { rows } = await sql<{ claimed_by: string; n: number }>`
      SELECT claimed_by, count(*)::int AS n FROM job WHERE kind = 'test.concurrent' AND status = 'done' AND attempts = 1
      GROUP BY claimed_by ORDER BY claimed_by`.execute(database.db);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(60);
    console.log(`concurrent runners: runner-a ran ${a.done}, runner-b ran ${b.done}`);
  });
});
