import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Start-up time of `npm start` as a newcomer sees it: from the command to the Vietnamese UI being
 * served (GET / → 200 text/html) with the API ready (GET /api/ready → 200). "First" runs on an
 * empty DATA_DIR (PGlite initdb + migrations + reference data); "later" reopens it.
 * Floors for comparison: a bare Fastify server, and tsx starting an empty script.
 * Usage: npm run bench:startup [-- rounds]   (default 3 rounds; results go to bench/RESULTS.md by hand)
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 3);

function launch(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
}

async function until(url: string, accept: (r: Response) => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (accept(await fetch(url))) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timeout waiting for ${url}`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await exited;
  await new Promise((r) => setTimeout(r, 300));
}

async function timeNpmStart(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = launch('npm', ['start'], { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
  await until(`http://127.0.0.1:${port}/api/ready`, (r) => r.status === 200);
  await until(
    `http://127.0.0.1:${port}/`,
    (r) => r.status === 200 && (r.headers.get('content-type') ?? '').includes('text/html'),
  );
  const elapsed = performance.now() - started;
  await stop(child);
  return elapsed;
}

async function timeFloor(args: string[], port: number): Promise<number> {
  const started = performance.now();
  const child = launch(path.join(ROOT, 'node_modules/.bin/tsx'), args, { PORT: String(port) });
  await until(`http://127.0.0.1:${port}/`, (r) => r.status === 200);
  const elapsed = performance.now() - started;
  await stop(child);
  return elapsed;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const first: number[] = [];
const later: number[] = [];
const floor: number[] = [];
for (let i = 0; i < rounds; i++) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pcmt-bench-'));
  first.push(await timeNpmStart(dir, 3900 + i));
  later.push(await timeNpmStart(dir, 3950 + i));
  await rm(dir, { recursive: true, force: true });
  floor.push(await timeFloor(['bench/floor-fastify.ts'], 3990 + i));
}
process.stdout.write(
  `| measure | median of ${rounds} | runs |\n|---|---|---|\n` +
    `| npm start, first start (empty DATA_DIR) → UI served | ${fmt(median(first))} | ${first.map(fmt).join(', ')} |\n` +
    `| npm start, later start → UI served | ${fmt(median(later))} | ${later.map(fmt).join(', ')} |\n` +
    `| floor: bare Fastify through tsx → 200 | ${fmt(median(floor))} | ${floor.map(fmt).join(', ')} |\n`,
);
