import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_JOB_KINDS } from '../src/server/modules/jobs/jobs.service';
import { createSeededDataDir, runTs } from './support/processes';
import { createTestDatabase, isServerPg } from './support/test-db';

const CLI = 'src/server/cli/main.ts';

/** `npm run pcmt -- jobs run` as an operator (or cron) runs it, against this run's database mode. */
let env: Record<string, string>;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  if (isServerPg) {
    const database = await createTestDatabase();
    env = { DATABASE_URL: database.url ?? '', DATA_DIR: os.tmpdir() };
    cleanup = () => database.close();
  } else {
    const seeded = await createSeededDataDir();
    env = { DATA_DIR: seeded.dir };
    cleanup = seeded.remove;
  }
}, 120_000);
afterAll(() => cleanup());

describe('npm run pcmt -- jobs run', () => {
  it("enqueues today's daily jobs once, runs what is due and prints the counts", async () => {
    const first = await runTs(CLI, ['jobs', 'run', '--json'], env, 90_000);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.enqueued).toBe(DAILY_JOB_KINDS.length);
    expect(result.jobs).toMatchObject({ failed: 0 });
    expect(result.mail).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    // A second run on the same day (another process) enqueues nothing new.
    const second = await runTs(CLI, ['jobs', 'run'], env, 90_000);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('0 việc hằng ngày mới / daily jobs enqueued');
    expect(second.stdout).toContain('chưa cấu hình PCMT_SMTP_URL');
  }, 180_000);
});
