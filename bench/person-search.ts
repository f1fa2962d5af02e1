import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../src/server/db/migrate';
import type { DB } from '../src/server/db/types';
import { generatePersons, listCommunes } from '../src/server/modules/persons/persons.generate';
import * as personsRepo from '../src/server/modules/persons/persons.repo';
import { getPerson, personFilter, searchPersons } from '../src/server/modules/persons/persons.service';
import type { Actor, ServiceContext } from '../src/server/platform/context';
import { Envelope, Keyring } from '../src/server/platform/envelope';
import { todayInVietnam } from '../src/shared/dates';

/**
 * Issue 4 targets on PostgreSQL with N generated persons (default 1,000,000): a name-fragment
 * search filtered to one province, p95 ≤ 50 ms; a person page's API call, p95 ≤ 20 ms. Both through
 * the service (row-level security on, each row shown audited), next to the bare SQL floor.
 * Usage: npm run bench:persons -- postgres://postgres@127.0.0.1:5432/postgres [count]
 */
const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COUNT = Number(process.argv[3] ?? 1_000_000);
const admin = new pg.Client({ connectionString: url });
await admin.connect();
// BENCH_REUSE=<database> times an already generated database again; BENCH_KEEP=1 keeps a new one.
const reuse = process.env.BENCH_REUSE;
const name = reuse ?? `pcmt_bench_${randomBytes(4).toString('hex')}`;
if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.toString(), max: 4 }) }),
});
try {
  await migrateToLatest(db);
  // Fixed keys (synthetic data only), so that a kept database can be timed again (BENCH_REUSE).
  const envelope = new Envelope(
    Keyring.inMemory({ active: 'k1', keys: { k1: Buffer.alloc(32, 9).toString('base64') } }),
    Buffer.alloc(32, 7),
  );
  const now = new Date();
  const communes = await listCommunes(db, null, todayInVietnam(now));
  const started = performance.now();
  if (!reuse) {
    await generatePersons(db, envelope, {
      count: COUNT,
      seed: 42,
      communes,
      now,
      onProgress: (done) => {
        if (done % 100_000 === 0) process.stderr.write(`${done}\n`);
      },
    });
    // What autovacuum does after a bulk load: statistics, and the visibility map for index-only scans.
    await sql`VACUUM ANALYZE`.execute(db);
  }
  const generateSeconds = (performance.now() - started) / 1000;
  const unit = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('code', '=', '01')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: '99999999-9999-4999-8999-999999999999',
    username: 'bench.pc04',
    displayName: 'Bench',
    roles: ['provincial_officer'],
    unitId: unit.id,
    unitPath: '01',
    agencyCode: 'PC04',
    agencyKind: 'police',
    agencyLevel: 'province',
    via: 'session',
    sessionId: null,
    stepUpAt: null,
    facilityId: null,
  };
  const ctx: ServiceContext = { db, clock: () => new Date(), locale: 'vi', actor, envelope };
  const fragments = [
    'nguyen van',
    'tran thi',
    'le hung',
    'pham',
    'hoang minh',
    'dang thi lan',
    'vu quan',
    'do',
    'van nam',
    'thi mai',
  ];
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
  const search: number[] = [];
  const searchFloor: number[] = [];
  for (let i = 0; i < 100; i++) {
    const q = fragments[i % fragments.length] ?? '';
    let t0 = performance.now();
    await searchPersons(ctx, { q, unitCode: '01', limit: 50 });
    search.push(performance.now() - t0);
    // The floor: the same SQL as the superuser (no row-level security, no audit, no service).
    t0 = performance.now();
    await personsRepo.search(db, { ...(await personFilter(ctx, actor, { q, unitCode: '01' })), after: null, limit: 50 });
    searchFloor.push(performance.now() - t0);
  }
  const ids = (
    await sql<{ id: string }>`SELECT id FROM person WHERE unit_path LIKE '01.%' ORDER BY random() LIMIT 200`.execute(db)
  ).rows.map((r) => r.id);
  const page: number[] = [];
  const pageFloor: number[] = [];
  for (const id of ids) {
    let t0 = performance.now();
    await getPerson(ctx, id);
    page.push(performance.now() - t0);
    t0 = performance.now();
    await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    pageFloor.push(performance.now() - t0);
  }
  if (process.env.BENCH_DETAIL) {
    for (const [i, q] of fragments.entries()) {
      const mine = search.filter((_, j) => j % fragments.length === i);
      console.error(`${q}: ${mine.map((x) => x.toFixed(0)).join(' ')}`);
    }
  }
  console.log(
    `| PostgreSQL, ${COUNT.toLocaleString('en')} persons (generated in ${generateSeconds.toFixed(0)} s) | search p95 ${p95(search).toFixed(1)} ms (floor ${p95(searchFloor).toFixed(1)} ms) | person page p95 ${p95(page).toFixed(1)} ms (floor ${p95(pageFloor).toFixed(1)} ms) |`,
  );
} finally {
  await db.destroy();
  if (reuse || process.env.BENCH_KEEP) console.error(`kept database ${name}`);
  else await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
