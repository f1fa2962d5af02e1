import { spawnSync } from 'node:child_process';

/**
 * `npm run test:pg`: runs the given command with TEST_DATABASE_URL pointing at a PostgreSQL
 * server (default: the local server on 127.0.0.1:5432, user postgres, trust auth). The tests
 * create and drop their own databases there; nothing else on the server is touched.
 */
const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: tsx scripts/with-test-pg.ts <command> [args…]\n');
  process.exit(2);
}
const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url }, shell: false });
process.exit(result.status ?? 1);
