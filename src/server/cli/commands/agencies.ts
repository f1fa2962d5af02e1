import { AgencyCreateInput, AgencyUpdateInput } from '@shared/contracts/agencies';
import { formatDateVi } from '@shared/dates';
import type { Command } from 'commander';
import type { Config } from '../../config';
import * as agencies from '../../modules/agencies/agencies.service';
import { printJson, printTable } from '../output';
import { parseInput, withServiceContext } from '../run';

export function registerAgencyCommands(program: Command, config: () => Config): void {
  const group = program.command('agencies').description('Cơ quan, đơn vị / agencies');

  group
    .command('list')
    .description('Liệt kê cơ quan / list agencies')
    .option('--all', 'gồm cả cơ quan đã giải thể / include retired agencies')
    .option('--json', 'in JSON / print JSON')
    .action(async (opts: { all?: boolean; json?: boolean }) => {
      const items = await withServiceContext(config(), (ctx) =>
        agencies.listAgencies(ctx, { includeInactive: Boolean(opts.all) }),
      );
      if (opts.json) return printJson({ items });
      printTable(
        ['Mã', 'Tên', 'Cấp', 'Thuộc', 'Đến ngày'],
        items.map((a) => [a.code, a.nameVi, a.level, a.parentCode, formatDateVi(a.validTo)]),
      );
      process.stdout.write(`\n${items.length} cơ quan / agencies\n`);
    });

  group
    .command('add')
    .description('Thêm cơ quan / add an agency')
    .requiredOption('--code <code>', 'mã (CHỮ_IN_HOA), không đổi được sau này')
    .requiredOption(
      '--kind <kind>',
      'police | people_committee | health | education | information | border_guard | media | rehab | court | social_affairs | other',
    )
    .requiredOption('--level <level>', 'province | commune | facility | regional')
    .requiredOption('--name-vi <name>', 'tên tiếng Việt')
    .requiredOption('--name-en <name>', 'English name')
    .option('--parent <code>', 'mã cơ quan cấp trên')
    .option('--short-name <name>', 'tên viết tắt')
    .option('--description <text>', 'mô tả chức năng')
    .option('--sort-order <n>', 'thứ tự hiển thị', '900')
    .option('--json', 'in JSON / print JSON')
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const input = parseInput(AgencyCreateInput, {
        code: opts.code,
        kind: opts.kind,
        level: opts.level,
        nameVi: opts.nameVi,
        nameEn: opts.nameEn,
        parentCode: opts.parent ?? null,
        shortName: opts.shortName ?? null,
        description: opts.description ?? null,
        sortOrder: Number(opts.sortOrder),
      });
      const created = await withServiceContext(config(), (ctx) => agencies.createAgency(ctx, input));
      if (opts.json) return printJson(created);
      process.stdout.write(`Đã thêm / added: ${created.code} ${created.nameVi}\n`);
    });

  group
    .command('update <code>')
    .description('Đổi tên, thứ tự hoặc ngày giải thể của cơ quan / rename, reorder or retire an agency')
    .option('--name-vi <name>', 'tên tiếng Việt')
    .option('--name-en <name>', 'English name')
    .option('--short-name <name>', 'tên viết tắt')
    .option('--description <text>', 'mô tả')
    .option('--sort-order <n>', 'thứ tự hiển thị')
    .option('--valid-to <date>', 'ngày cuối còn hoạt động (YYYY-MM-DD); "none" để bỏ')
    .option('--json', 'in JSON / print JSON')
    .action(async (code: string, opts: Record<string, string | boolean | undefined>) => {
      const input = parseInput(AgencyUpdateInput, {
        nameVi: opts.nameVi,
        nameEn: opts.nameEn,
        shortName: opts.shortName,
        description: opts.description,
        sortOrder: opts.sortOrder === undefined ? undefined : Number(opts.sortOrder),
        validTo: opts.validTo === 'none' ? null : opts.validTo,
      });
      const updated = await withServiceContext(config(), (ctx) => agencies.updateAgency(ctx, code, input));
      if (opts.json) return printJson(updated);
      process.stdout.write(`Đã cập nhật / updated: ${updated.code} ${updated.nameVi}\n`);
    });
}
