import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, isServerPg, type TestDatabase } from '../support/test-db';

/** SECURITY-RELIABILITY.md S4 (a): the database layer is configured as docs/ACCESS.md says. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const SCOPED_TABLES = [
  'app_user',
  'mfa_recovery_code',
  'user_session',
  'api_token',
  'audit_event',
  'break_glass_grant',
  'job',
  'notification',
];

describe('database roles and row-level security', () => {
  it('pcmt_app cannot bypass row-level security, is no superuser, and owns no table', async () => {
    const role = await sql<{
      rolbypassrls: boolean;
      rolsuper: boolean;
    }>`SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = 'pcmt_app'`.execute(database.db);
    expect(role.rows).toEqual([{ rolbypassrls: false, rolsuper: false }]);
    const owned = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tableowner = 'pcmt_app'`.execute(
      database.db,
    );
    expect(owned.rows[0]?.n).toBe(0);
  });

  it('forces row-level security on every table that holds scoped records', async () => {
    const { rows } = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname IN (${sql.join(SCOPED_TABLES)}) ORDER BY relname`.execute(
      database.db,
    );
    expect(rows).toHaveLength(SCOPED_TABLES.length);
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('gives pcmt_app no UPDATE or DELETE on the audit log', async () => {
    const { rows } = await sql<{ privilege_type: string }>`
      SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'pcmt_app' AND table_name = 'audit_event' ORDER BY 1`.execute(
      database.db,
    );
    expect(rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it.runIf(isServerPg)(
    'connected as pcmt_app itself, the application sees no scoped row without a scope and cannot switch role',
    async () => {
      await sql`ALTER ROLE pcmt_app LOGIN`.execute(database.db);
      const url = new URL(database.url ?? '');
      url.username = 'pcmt_app';
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        expect((await client.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n).toBe(0);
        await expect(client.query('SET ROLE postgres')).rejects.toThrow(/permission denied/);
        await expect(client.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/permission denied/);
        // Reference data stays readable.
        expect(
          (await client.query("SELECT count(*)::int AS n FROM admin_unit WHERE parent_code = '01' AND valid_to IS NULL")).rows[0]
            .n,
        ).toBe(126);
      } finally {
        await client.end();
      }
    },
  );
});
