import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { AppDeps } from '../../src/server/platform/context';
import { createSecrets } from '../../src/server/platform/secrets';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
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
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-test-data-dir' });
  const now = options.now;
  const clock = options.clock ?? (() => (now ? new Date(now) : new Date()));
  const secrets = options.secrets ?? createSecrets(randomBytes(32));
  const app = await buildApp({
    config,
    db: database.db,
    dbMode: database.mode,
    clock,
    secrets,
    ...(options.enforcement ? { enforcement: options.enforcement } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
