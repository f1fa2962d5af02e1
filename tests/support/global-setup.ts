import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, PGLITE_EXTENSIONS } from '../../src/server/db/client';
import { migrateToLatest } from '../../src/server/db/migrate';
import { adminUrl, databaseUrl, testDatabaseUrl } from './pg-urls';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded runs: a migrated PGlite data directory dump every test file starts from. */
    pgliteTemplate: string;
    /** Server runs: the migrated template database each test file copies. */
    pgTemplateDb: string;
  }
}

/**
 * Migrates one database before any test file runs, so each file starts from a copy in about two
 * seconds instead of migrating again: a PGlite dump, or a PostgreSQL template database when
 * TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testDatabaseUrl();
  if (serverUrl) {
    const template = `pcmt_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const pool = new pg.Pool({ connectionString: databaseUrl(serverUrl, template), max: 1 });
    const { Kysely, PostgresDialect } = await import('kysely');
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db);
    await db.destroy();
    project.provide('pgTemplateDb', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pcmt-test-'));
  const file = path.join(dir, 'template.tar');
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await openPglite(pglite, { description: 'test template' });
  await migrateToLatest(database.db);
  const dump = await pglite.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
