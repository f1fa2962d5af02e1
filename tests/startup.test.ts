import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDataDir, freePort, runTs, startTs, waitFor } from './support/processes';
import { createTestDatabase, isServerPg, type TestDatabase } from './support/test-db';

const MAIN = 'src/server/main.ts';

describe('start-up failures stop with one clear line and exit code 1', () => {
  it('a bad configuration value', async () => {
    const result = await runTs(MAIN, [], { PORT: 'abc', DATA_DIR: '/tmp/pcmt-never-created' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('PORT="abc"');
  });

  it('an unreachable DATABASE_URL, without printing its password', async () => {
    const result = await runTs(MAIN, [], { DATABASE_URL: 'postgres://pcmt:secret@127.0.0.1:1/pcmt' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Không kết nối được PostgreSQL');
    expect(result.stderr).toContain('connection refused');
    expect(result.stderr).not.toContain('secret');
  });
});

describe('a full start of the server', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let dataDir = '';
  beforeAll(async () => {
    if (isServerPg) {
      const database: TestDatabase = await createTestDatabase();
      env = { DATABASE_URL: database.url ?? '' };
      cleanup = () => database.close();
    } else {
      const seeded = await createSeededDataDir();
      env = { DATA_DIR: seeded.dir };
      dataDir = seeded.dir;
      cleanup = seeded.remove;
    }
  });
  afterAll(() => cleanup());

  it.skipIf(isServerPg)('creates the first administrator once, with the password in a file only its owner can read', async () => {
    const { statSync, readFileSync } = await import('node:fs');
    const port = await freePort();
    const server = startTs(MAIN, { ...env, PORT: String(port), HOST: '127.0.0.1' });
    let stderr = '';
    server.stderr?.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => server.on('exit', resolve));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/ready`)).status === 200, 60_000);
    } finally {
      server.kill('SIGTERM');
    }
    await exited;
    const file = `${dataDir}/initial-admin-password`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^\S{18}$/);
    expect(stderr).toContain(password);
    expect(statSync(`${dataDir}/secret.key`).mode & 0o777).toBe(0o600);
  });

  it('becomes ready, answers, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = startTs(MAIN, { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    let logs = '';
    server.stdout?.on('data', (chunk) => (logs += chunk));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/ready`)).status === 200, 60_000);
      // Reference data needs a login like everything else; the answer is the JSON error body.
      const units = await fetch(`http://127.0.0.1:${port}/api/units?parent=01`);
      expect(units.status).toBe(401);
      expect(((await units.json()) as { code: string }).code).toBe('AUTH_REQUIRED');
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // Structured JSON logs with a request id and the route pattern, never the query string.
    const lines = logs
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const request = lines.find((l) => l.route === '/api/units');
    expect(request).toMatchObject({ method: 'GET', status: 401, reqId: expect.any(String) });
    expect(logs).not.toContain('parent=01');
  });
});
