import { ConfigError, loadConfig } from './config';
import { DatabaseStartupError, openDatabase } from './db/client';
import { DataDirInUseError } from './db/data-dir-lock';
import { Envelope, Keyring, KeyringError } from './platform/envelope';
import { createSecrets, loadSecretKey, SecretKeyError } from './platform/secrets';

/**
 * `npm start`: configuration → database (opened, then migrated) → HTTP server. Any start-up
 * failure ends the process with one clear line on stderr and exit code 1, never a bare stack trace.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const secretKey = loadSecretKey(config);
  const secrets = createSecrets(secretKey);
  const envelope = new Envelope(Keyring.open(config.keyringFile), secretKey);
  // Opening PGlite compiles its WebAssembly off the main thread: load the HTTP stack meanwhile
  // (about 0.6 s of a 3 s warm start on two cores).
  const opening = openDatabase(config, { purpose: 'server', unlimitedStatements: true });
  // Handled when awaited below; without this, a failure during the imports counts as unhandled.
  opening.catch(() => {});
  const [{ buildApp }, { migrateToLatest }] = await Promise.all([import('./app'), import('./db/migrate')]);
  const database = await opening;
  const applied = await migrateAsOwner(config, database, migrateToLatest);
  const { ensureInitialAdmin } = await import('./modules/users/users.service');
  const initialPassword = await ensureInitialAdmin(
    { db: database.db, clock: () => new Date(), locale: config.defaultLocale },
    { dataDir: config.dataDir, provinceCode: config.provinceCode },
  );
  const app = await buildApp(
    { config, db: database.db, dbMode: database.mode, clock: () => new Date(), secrets, envelope },
    { serveWeb: true, runJobs: true },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: database.description, migrationsApplied: applied.length, startupMs: Date.now() - startedAt },
    'PCMT ready',
  );
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  if (initialPassword) {
    process.stderr.write(
      `\nTài khoản quản trị đầu tiên / first administrator account: admin\n` +
        `Mật khẩu tạm / temporary password: ${initialPassword}\n` +
        `(cũng lưu tại / also in ${config.dataDir}/initial-admin-password; đổi mật khẩu và đăng ký xác thực hai lớp khi đăng nhập lần đầu)\n\n`,
    );
  }
  process.stderr.write(`PCMT đang chạy tại / running at http://${shownHost}:${config.port} (${database.description})\n`);
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof DatabaseStartupError ||
    error instanceof DataDirInUseError ||
    error instanceof SecretKeyError ||
    error instanceof KeyringError ||
    (error as Error).name === 'MigrationError';
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'EADDRINUSE'
      ? `Cổng đã có chương trình khác dùng / port already in use: ${(error as Error).message}. Đặt PORT=… để chọn cổng khác.`
      : known
        ? (error as Error).message
        : `Không khởi động được PCMT / PCMT failed to start: ${(error as Error).message ?? String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});

/**
 * Server mode may connect the application as `pcmt_app` (docs/ACCESS.md), which cannot change the
 * schema: migrations then run over DATABASE_MIGRATION_URL, the table owner's connection.
 */
async function migrateAsOwner(
  config: ReturnType<typeof loadConfig>,
  database: Awaited<ReturnType<typeof openDatabase>>,
  migrate: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<string[]>,
): Promise<string[]> {
  if (config.database.mode === 'embedded' || config.database.migrationUrl === config.database.url) return migrate(database.db);
  const owner = await openDatabase(config, { purpose: 'server', unlimitedStatements: true, asOwner: true });
  try {
    return await migrate(owner.db);
  } finally {
    await owner.close();
  }
}
