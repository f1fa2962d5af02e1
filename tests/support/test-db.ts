import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { type Database, openDatabase, openPglite, PGLITE_EXTENSIONS } from '../../src/server/db/client';
import { adminUrl, databaseUrl, testDatabaseUrl } from './pg-urls';

export const isServerPg = Boolean(testDatabaseUrl());

export interface TestDatabase extends Database {
  /** Server runs: a URL to this test database (for child processes such as the CLI). */
  url?: string;
}

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or a new
 * PostgreSQL database created from the template database. `close()` drops it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  if (serverUrl) {
    const name = `pcmt_test_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDb')}`);
    await admin.end();
    const url = databaseUrl(serverUrl, name);
    const database = await openDatabase(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), { purpose: 'test' });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: adminUrl(serverUrl) });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dump = await readFile(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
  return openPglite(pglite, { description: 'test copy' });
}
