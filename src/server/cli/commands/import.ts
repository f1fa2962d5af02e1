import { readFile, writeFile } from 'node:fs/promises';
import { Username } from '@shared/contracts/auth';
import { type PersonImportDto, PersonImportFileType } from '@shared/contracts/person-imports';
import { errorMessage } from '@shared/errors';
import type { Command } from 'commander';
import type { Config } from '../../config';
import { findUserByUsername } from '../../modules/auth/auth.repo';
import { actorOf } from '../../modules/auth/auth.service';
import { getPersonImport, importPersons } from '../../modules/person-imports/person-imports.service';
import { personImportTemplate } from '../../modules/person-imports/person-imports.template';
import type { ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { Envelope, Keyring } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import { loadSecretKey } from '../../platform/secrets';
import { openCliDatabase } from '../database';
import { CliError } from '../errors';
import { printJson, printTable } from '../output';
import { type Progress, startProgress } from '../progress';
import { parseInput } from '../run';

const PHASES = { validating: 'Kiểm tra / checking', committing: 'Ghi / writing' } as const;
/** Report lines read per page when printing a long report. */
const PAGE = 1000;

/**
 * The whole report, page by page (the service pages it for the web; the terminal shows it all).
 * Each page read is one audited read of the report, as on the web.
 */
async function fullReport(ctx: ServiceContext, first: PersonImportDto): Promise<PersonImportDto> {
  const errors = [...first.errors];
  const warnings = [...first.warnings];
  while (errors.length < first.errorCount || warnings.length < first.warningCount) {
    const page = await getPersonImport(ctx, first.id, { errorsFrom: errors.length, warningsFrom: warnings.length, limit: PAGE });
    if (page.errors.length === 0 && page.warnings.length === 0) break;
    errors.push(...page.errors);
    warnings.push(...page.warnings);
  }
  return { ...first, errors, warnings };
}

function printReport(job: PersonImportDto): void {
  if (job.errors.length > 0) {
    process.stdout.write('\nDòng lỗi / bad rows:\n');
    printTable(
      ['Dòng', 'Cột', 'Lỗi'],
      job.errors.map((e) => [e.row, e.column, e.message]),
    );
  }
  if (job.warnings.length > 0) {
    process.stdout.write('\nCó thể trùng hồ sơ đã có / possible duplicates:\n');
    printTable(
      ['Dòng', 'Hồ sơ đã có (họ tên, năm sinh, xã quản lý)'],
      job.warnings.map((w) => [
        w.row,
        w.candidates.map((c) => `${c.fullName}, ${c.birthYear}, ${c.managingUnit.fullName}`).join('; '),
      ]),
    );
  }
}

/** A refused file names its bad headers in `issues`: say them, not just the headline. */
async function importPersonsExplained(...args: Parameters<typeof importPersons>): Promise<PersonImportDto> {
  try {
    return await importPersons(...args);
  } catch (error) {
    if (!(error instanceof AppError) || !error.issues?.length) throw error;
    const lines = error.issues.map((issue) => `  ${issue.path.slice(2).join(' ')}: ${issue.message}`);
    throw new CliError(`${errorMessage(error.code, args[0].locale, error.params)}\n${lines.join('\n')}`);
  }
}

export function registerImportCommands(program: Command, config: () => Config): void {
  const command = program.command('import').description('Nhập dữ liệu từ tệp / import from files');
  command
    .command('persons')
    .description(
      'Nhập đối tượng từ tệp xlsx hoặc CSV theo tệp mẫu: kiểm tra mọi dòng, rồi ghi tất cả hoặc không ghi dòng nào / import persons',
    )
    .argument('<file>', 'tệp .xlsx hoặc .csv (UTF-8) theo tệp mẫu (import template)')
    .requiredOption('--as <username>', 'tài khoản cán bộ thực hiện: phạm vi và quyền của người đó, ghi vào nhật ký')
    .option('--dry-run', 'chỉ kiểm tra, không ghi / check only')
    .option('--confirm-duplicates', 'đã đối chiếu các hồ sơ có thể trùng: vẫn nhập những dòng đó')
    .option('--json', 'in JSON / print JSON')
    .action(async (file: string, opts: { as: string; dryRun?: boolean; confirmDuplicates?: boolean; json?: boolean }) => {
      const username = parseInput(Username, opts.as, 'as');
      const content = await readFile(file).catch(() => {
        throw new CliError(`Không đọc được tệp / cannot read the file: ${file}`);
      });
      const cfg = config();
      const envelope = new Envelope(Keyring.open(cfg.keyringFile), loadSecretKey(cfg));
      const database = await openCliDatabase(cfg, { migrate: false });
      let progress: Progress | null = null;
      let phase = '';
      try {
        const user = await inScope(database.db, { kind: 'system', reason: 'cli import: acting user' }, (trx) =>
          findUserByUsername(trx, username),
        );
        if (!user || user.disabled_at)
          throw new CliError(`Không có tài khoản đang hoạt động ${username} / no active account ${username}`);
        // The CLI acts with exactly that officer's rights, as an API token of theirs would.
        const ctx: ServiceContext = {
          db: database.db,
          clock: () => new Date(),
          locale: cfg.defaultLocale,
          envelope,
          actor: actorOf(user, 'token', null),
        };
        const finished = await importPersonsExplained(
          ctx,
          content,
          { dryRun: Boolean(opts.dryRun), confirmDuplicates: Boolean(opts.confirmDuplicates) },
          (status, processed, total) => {
            if (status !== phase) {
              progress?.stop();
              progress = startProgress(PHASES[status], total);
              phase = status;
            }
            progress?.update(processed, '');
          },
        );
        (progress as Progress | null)?.stop();
        const job = await fullReport(ctx, finished);
        if (opts.json) printJson(job);
        else {
          process.stdout.write(
            `${job.total} dòng: ${job.validRows} hợp lệ, ${job.errorRows} lỗi, ${job.warningRows} có thể trùng` +
              ` / ${job.total} rows: ${job.validRows} valid, ${job.errorRows} bad, ${job.warningRows} possible duplicates\n`,
          );
          printReport(job);
        }
        if (job.failure) throw new CliError(job.failure.message);
        if (job.dryRun && job.errorRows > 0)
          throw new CliError(`Có ${job.errorRows} dòng lỗi; hãy sửa trước khi nhập / ${job.errorRows} bad rows: fix them first`);
        if (!opts.json)
          process.stdout.write(
            job.dryRun
              ? 'Chạy thử: chưa ghi gì. Bỏ --dry-run để nhập. / Dry run: nothing written.\n'
              : `Đã nhập / imported ${job.created} đối tượng.\n`,
          );
      } finally {
        (progress as Progress | null)?.stop();
        await database.close();
      }
    });
  command
    .command('template')
    .description('Ghi tệp mẫu để nhập đối tượng / write the person import template')
    .option('--format <format>', 'xlsx | csv', 'xlsx')
    .requiredOption('--out <file>', 'tệp sẽ ghi (không ghi đè tệp đã có)')
    .action(async (opts: { format: string; out: string }) => {
      const format = parseInput(PersonImportFileType, opts.format, 'format');
      const template = await personImportTemplate(format);
      await writeFile(opts.out, template.content, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(
          error.code === 'EEXIST'
            ? `Tệp đã có, không ghi đè / the file exists, not overwritten: ${opts.out}`
            : `Không ghi được tệp / cannot write: ${opts.out}`,
        );
      });
      process.stdout.write(`Đã ghi tệp mẫu / template written: ${opts.out}\n`);
    });
}
