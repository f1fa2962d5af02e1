import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { MIGRATIONS } from '../../db/migrations';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('GET /api/health answers without the database', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('GET /api/ready reports the database and the migrations', async () => {
    const response = await t.app.inject('/api/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      database: {
        mode: t.database.mode,
        reachable: true,
        appliedMigrations: Object.keys(MIGRATIONS).length,
        pendingMigrations: [],
      },
    });
  });

  it('GET /api/ready answers 503 while a migration is pending', async () => {
    await sql`DELETE FROM kysely_migration WHERE name = '0004_create_agency'`.execute(t.database.db);
    try {
      const response = await t.app.inject('/api/ready');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'not_ready', database: { pendingMigrations: ['0004_create_agency'] } });
    } finally {
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0004_create_agency', now()::text)`.execute(t.database.db);
    }
    expect((await t.app.inject('/api/ready')).statusCode).toBe(200);
  });
});
