import { existsSync } from 'node:fs';
import type { Config } from '../config';
import { type Database, openDatabase } from '../db/client';
import { migrateToLatest, migrationStatus } from '../db/migrate';
import { CliError } from './errors';
import { notice, startProgress } from './progress';

/**
 * Opens the database for a CLI command. Embedded mode migrates on open, as `npm start` does (the
 * embedded database belongs to this installation); server mode refuses to work on an outdated
 * schema and says which command fixes it.
 */
export async function openCliDatabase(config: Config, options: { migrate: boolean }): Promise<Database> {
  if (config.database.mode === 'embedded' && !existsSync(config.database.pgliteDir)) {
    notice(
      `Khởi tạo cơ sở dữ liệu nhúng lần đầu (khoảng 10 giây) / creating the embedded database: ${config.database.pgliteDir}`,
    );
  }
  // The CLI administers the database: in server mode it connects as the owner when one is named.
  const database = await openDatabase(config, { purpose: 'cli', unlimitedStatements: true, asOwner: true });
  try {
    if (options.migrate || database.mode === 'embedded') {
      await runMigrations(database);
    } else {
      const { pending } = await migrationStatus(database.db);
      if (pending.length > 0) {
        throw new CliError(
          `Cơ sở dữ liệu chưa cập nhật (${pending.length} migration chưa chạy): chạy \`npm run pcmt -- migrate\` trước. / ` +
            `The database schema is out of date (${pending.length} pending): run \`npm run pcmt -- migrate\` first.`,
        );
      }
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function runMigrations(database: Database): Promise<string[]> {
  const { pending } = await migrationStatus(database.db);
  if (pending.length === 0) return [];
  const progress = startProgress('Migration', pending.length);
  try {
    return await migrateToLatest(database.db, (done, _total, name) => progress.update(done, name));
  } finally {
    progress.stop();
  }
}
