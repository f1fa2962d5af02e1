import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { AppDeps } from '../../src/server/platform/context';
import { Envelope, Keyring } from '../../src/server/platform/envelope';
import { createSecrets } from '../../src/server/platform/secrets';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Headers of a logged-in commune officer (an API token), for tests of routes any user may read. */
  readerHeaders(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** The real app on a fresh test database, reached through `app.inject()` (no socket). */
export async function createTestApp(
  options: {
    now?: Date;
    clock?: () => Date;
    enforcement?: AppDeps['enforcement'];
    /** Share another app's database (the app's close() then leaves it open). */
    database?: TestDatabase;
    secrets?: AppDeps['secrets'];
    envelope?: AppDeps['envelope'];
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-test-data-dir' });
  const now = options.now;
  const clock = options.clock ?? (() => (now ? new Date(now) : new Date()));
  const secretKey = randomBytes(32);
  const secrets = options.secrets ?? createSecrets(secretKey);
  const envelope = options.envelope ?? new Envelope(Keyring.inMemory(), secretKey);
  const app = await buildApp({
    config,
    db: database.db,
    dbMode: database.mode,
    clock,
    secrets,
    envelope,
    ...(options.enforcement ? { enforcement: options.enforcement } : {}),
  });
  await app.ready();
  let reader: Promise<Record<string, string>> | undefined;
  return {
    readerHeaders: () => {
      reader ??= (async () => {
        const { createUser, createApiToken } = await import('../../src/server/modules/users/users.service');
        const ctx = { db: database.db, clock, locale: 'vi' as const };
        await createUser(ctx, {
          username: 'test.reader',
          displayName: 'Người đọc thử',
          unitCode: '00004',
          agencyCode: 'CA_XA',
          roles: ['commune_officer'],
        });
        const { token } = await createApiToken(ctx, { username: 'test.reader', ttlDays: 365, name: 'tests' });
        return { authorization: `Bearer ${token}` };
      })();
      return reader;
    },
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** How many audit events of this action name this record (tests of "audited in the same transaction"). */
export async function auditCount(t: TestApp, action: string, recordId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_event WHERE action = ${action} AND record_id = ${recordId}`.execute(t.database.db);
  return rows[0]?.n ?? 0;
}
