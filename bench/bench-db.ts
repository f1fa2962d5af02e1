import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openPglite, PGLITE_EXTENSIONS } from '../src/server/db/client';
import { migrateToLatest } from '../src/server/db/migrate';
import type { DB } from '../src/server/db/types';

/**
 * A migrated database for a benchmark: a new database on the PostgreSQL server at `url` (dropped
 * by `close`), or, without a URL, embedded PGlite in memory.
 */
export async function openBenchDatabase(url: string | undefined): Promise<{ db: Kysely<DB>; close: () => Promise<void> }> {
  let db: Kysely<DB>;
  let close: () => Promise<void>;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `pcmt_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.toString() }) }) });
    close = async () => {
      await db.destroy();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const database = await openPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }), { description: 'bench' });
    db = database.db;
    close = database.close;
  }
  await migrateToLatest(db);
  return { db, close };
}
