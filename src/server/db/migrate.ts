import type { Kysely, MigrationInfo } from 'kysely';
import { Migrator } from 'kysely';
import { MIGRATIONS } from './migrations';

// Migrations run before the typed schema exists, so they see the database untyped (Kysely's own
// convention for migrations).
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyDb = Kysely<any>;

export function createMigrator(db: AnyDb): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/** Which migrations are applied and which are waiting, without changing anything. */
export async function migrationStatus(db: AnyDb): Promise<MigrationStatus> {
  const migrations: readonly MigrationInfo[] = await createMigrator(db).getMigrations();
  return {
    applied: migrations.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: migrations.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies pending migrations one at a time, each in its own transaction, so a failure leaves the
 * database at the last good migration. `onStep` reports progress (for the CLI's progress bar).
 */
export async function migrateToLatest(
  db: AnyDb,
  onStep?: (done: number, total: number, name: string) => void,
): Promise<string[]> {
  const migrator = createMigrator(db);
  const { pending } = await migrationStatus(db);
  const applied: string[] = [];
  for (const [index, name] of pending.entries()) {
    onStep?.(index, pending.length, name);
    const { error, results } = await migrator.migrateUp();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? name;
      throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
    }
    for (const r of results ?? []) if (r.status === 'Success') applied.push(r.migrationName);
  }
  onStep?.(pending.length, pending.length, '');
  return applied;
}
