import { errorMessage } from '@shared/errors';
import { Command, CommanderError } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config';
import { DatabaseStartupError } from '../db/client';
import { DataDirInUseError } from '../db/data-dir-lock';
import { MigrationError } from '../db/migrate';
import { AppError } from '../platform/errors';
import { APP_VERSION } from '../platform/version';
import { registerAccountCommands } from './commands/accounts';
import { registerAgencyCommands } from './commands/agencies';
import { registerGenerateCommands } from './commands/generate';
import { registerImportCommands } from './commands/import';
import { registerJobCommands } from './commands/jobs';
import { registerKeyCommands } from './commands/keys';
import { registerPlanCommands } from './commands/plan';
import { registerUnitCommands } from './commands/units';
import { openCliDatabase } from './database';
import { CliError } from './errors';

/**
 * `npm run pcmt -- <command>`: runs from source through tsx, so it works right after
 * `npm install`. In embedded mode it needs the server stopped (one process per PGlite directory).
 */
let config: Config | undefined;
const getConfig = () => {
  config ??= loadConfig();
  return config;
};

const program = new Command('pcmt')
  .description('PCMT: quản trị từ dòng lệnh / command-line administration')
  .version(APP_VERSION)
  .showHelpAfterError()
  .exitOverride();

program
  .command('migrate')
  .description('Cập nhật cấu trúc cơ sở dữ liệu / apply pending database migrations')
  .action(async () => {
    const database = await openCliDatabase(getConfig(), { migrate: true });
    await database.close();
    process.stdout.write(`Cơ sở dữ liệu đã cập nhật / database is up to date (${database.description})\n`);
  });

registerUnitCommands(program, getConfig);
registerAgencyCommands(program, getConfig);
registerAccountCommands(program, getConfig);
registerKeyCommands(program, getConfig);
registerGenerateCommands(program, getConfig);
registerImportCommands(program, getConfig);
registerJobCommands(program, getConfig);
registerPlanCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}

function report(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof AppError) {
    process.stderr.write(`${errorMessage(error.code, config?.defaultLocale ?? 'vi', error.params)}\n`);
    return 1;
  }
  const known = [CliError, ConfigError, DatabaseStartupError, DataDirInUseError, MigrationError].some(
    (type) => error instanceof type,
  );
  process.stderr.write(`${known ? (error as Error).message : `Lỗi / error: ${(error as Error).stack ?? String(error)}`}\n`);
  return 1;
}
