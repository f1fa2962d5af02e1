import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type Config, redactDatabaseUrl } from '../config';
import { lockDataDir } from './data-dir-lock';
import type { DB } from './types';

/** The root executor or a transaction: every repository function takes one as its first argument. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  mode: 'embedded' | 'server';
  /** Safe to print: no password. */
  description: string;
  /** Embedded mode: the PGlite instance (backups with `dumpDataDir`, tests of the raw data files). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** Raised when the database cannot be opened; its message is the one line shown to the operator. */
export class DatabaseStartupError extends Error {}

// `date` columns stay ISO strings; the default parser builds a Date at local midnight, which shifts
// calendar dates by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm, btree_gist };

export interface OpenOptions {
  /** Server mode: connect with DATABASE_MIGRATION_URL (the table owner) instead of DATABASE_URL. */
  asOwner?: boolean;
  /** Who holds the embedded data directory (shown to a second process). */
  purpose: 'server' | 'cli' | 'test';
  /** Server mode: no statement timeout, for migrations that load reference data. */
  unlimitedStatements?: boolean;
}

/** Opens the database the configuration names: embedded PGlite or a PostgreSQL server. */
export async function openDatabase(config: Config, options: OpenOptions): Promise<Database> {
  if (config.database.mode === 'embedded') {
    const release = lockDataDir(config.dataDir, options.purpose);
    try {
      return await openPglite(await PGlite.create(config.database.pgliteDir, { extensions: PGLITE_EXTENSIONS }), {
        description: `PGlite ${config.database.pgliteDir}`,
        onClose: release,
      });
    } catch (error) {
      release();
      throw new DatabaseStartupError(
        `Không mở được cơ sở dữ liệu nhúng tại ${config.database.pgliteDir} / cannot open the embedded database: ${(error as Error).message}`,
      );
    }
  }
  const { poolMax, statementTimeoutMs } = config.database;
  const url = options.asOwner ? config.database.migrationUrl : config.database.url;
  const timeout = options.unlimitedStatements ? 0 : statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    application_name: `pcmt-${options.purpose}`,
    // Report dates are bucketed explicitly in Asia/Ho_Chi_Minh; the session itself stays in UTC.
    options: `-c TimeZone=UTC -c statement_timeout=${timeout}`,
  });
  // An idle client losing its server (restart) must not crash the process (node-postgres #1324).
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseStartupError(
      `Không kết nối được PostgreSQL tại ${redactDatabaseUrl(url)} / cannot connect to PostgreSQL: ${describePgError(error)}`,
    );
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    mode: 'server',
    description: `PostgreSQL ${redactDatabaseUrl(url)}`,
    close: () => db.destroy(),
  };
}

/**
 * Wraps an open PGlite instance. Its node-postgres adapter is a pool of one connection, so
 * transactions are serialised; code inside a transaction must use the transaction, never the root
 * `db` (it would wait for itself: the connection timeout turns that into an error, not a hang).
 */
export async function openPglite(pglite: PGlite, options: { description: string; onClose?: () => void }): Promise<Database> {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, connectionTimeoutMillis: 15_000 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    mode: 'embedded',
    description: options.description,
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
      options.onClose?.();
    },
  };
}

function describePgError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { code?: string };
  if (e.code === 'ECONNREFUSED') return 'connection refused (is the server running, and on this port?)';
  if (e.code === 'ENOTFOUND') return 'host not found';
  if (e.code === '3D000') return e.message; // database "x" does not exist
  if (e.code === '28P01' || e.code === '28000') return 'authentication failed';
  return e.message || String(error);
}
