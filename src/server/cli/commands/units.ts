import {
  UnitCode,
  type UnitDto,
  type UnitKind,
  UnitListQuery,
  UnitSearchQuery,
  UnitSuccessorsQuery,
} from '@shared/contracts/units';
import { formatDateVi } from '@shared/dates';
import type { Command } from 'commander';
import type { Config } from '../../config';
import * as units from '../../modules/units/units.service';
import { printJson, printTable } from '../output';
import { parseInput, withServiceContext } from '../run';

const KIND_VI: Record<UnitKind, string> = {
  central_city: 'Thành phố TW',
  province: 'Tỉnh',
  urban_district: 'Quận',
  rural_district: 'Huyện',
  district_town: 'Thị xã',
  provincial_city: 'Thành phố',
  ward: 'Phường',
  commune: 'Xã',
  township: 'Thị trấn',
  special_zone: 'Đặc khu',
};

const validity = (u: UnitDto) =>
  `${u.validFrom ? formatDateVi(u.validFrom) : '…'} – ${u.validTo ? formatDateVi(u.validTo) : 'nay'}`;

export function registerUnitCommands(program: Command, config: () => Config): void {
  const group = program.command('units').description('Đơn vị hành chính / administrative units');

  group
    .command('list')
    .description('Liệt kê đơn vị trực thuộc (mặc định: các tỉnh) / list child units (default: provinces)')
    .option('--parent <code>', 'mã đơn vị cha / parent unit code')
    .option('--at <date>', 'ngày hiệu lực YYYY-MM-DD (mặc định hôm nay) / validity date')
    .option('--sort <order>', 'code (thứ tự mã) | name (A–Z tiếng Việt)', 'code')
    .option('--json', 'in JSON / print JSON')
    .action(async (opts: { parent?: string; at?: string; sort: string; json?: boolean }) => {
      const query = parseInput(UnitListQuery, { parent: opts.parent, at: opts.at, sort: opts.sort });
      const result = await withServiceContext(config(), (ctx) => units.listUnits(ctx, query));
      if (opts.json) return printJson(result);
      const title = result.parent ? `${result.parent.fullName} (${result.parent.code})` : 'Tỉnh, thành phố';
      process.stdout.write(`${title}, hiệu lực ngày ${formatDateVi(result.at)}\n\n`);
      printTable(
        ['Mã', 'Loại', 'Tên', 'Trực thuộc'],
        result.items.map((u) => [u.code, KIND_VI[u.kind], u.fullName, u.childCount > 0 ? u.childCount : null]),
      );
      process.stdout.write(`\n${result.items.length} đơn vị / units\n`);
    });

  group
    .command('show <code>')
    .description('Xem một đơn vị và các cấp trên / show one unit and its ancestors')
    .option('--at <date>', 'ngày hiệu lực YYYY-MM-DD (mặc định hôm nay)')
    .option('--json', 'in JSON / print JSON')
    .action(async (code: string, opts: { at?: string; json?: boolean }) => {
      parseInput(UnitCode, code, 'code');
      const { at } = parseInput(UnitSuccessorsQuery, { at: opts.at });
      const result = await withServiceContext(config(), (ctx) => units.getUnit(ctx, code, at));
      if (opts.json) return printJson(result);
      const u = result.unit;
      process.stdout.write(
        `${u.fullName} (${u.code}) — ${KIND_VI[u.kind]}\n` +
          `Thuộc: ${result.ancestors.map((a) => a.fullName).join(' › ') || '—'}\n` +
          `Hiệu lực: ${validity(u)}\n` +
          (u.altCodes.length ? `Mã khác: ${u.altCodes.join(', ')}\n` : '') +
          (u.note ? `Ghi chú: ${u.note}\n` : ''),
      );
    });

  group
    .command('search <text>')
    .description('Tìm đơn vị theo tên (không dấu cũng được) hoặc mã / search by name or code')
    .option('--at <date>', 'ngày hiệu lực YYYY-MM-DD (mặc định hôm nay)')
    .option('--limit <n>', 'số kết quả tối đa / max results', '20')
    .option('--json', 'in JSON / print JSON')
    .action(async (text: string, opts: { at?: string; limit: string; json?: boolean }) => {
      const query = parseInput(UnitSearchQuery, { q: text, at: opts.at, limit: opts.limit });
      const result = await withServiceContext(config(), (ctx) => units.searchUnits(ctx, query));
      if (opts.json) return printJson(result);
      printTable(
        ['Mã', 'Tên', 'Thuộc', ''],
        result.items.map((hit) => [
          hit.unit.code,
          hit.unit.fullName,
          hit.ancestors.map((a) => a.fullName).join(' › '),
          hit.fuzzy ? '(gần đúng)' : null,
        ]),
      );
      process.stdout.write(`\n${result.items.length} kết quả ngày ${formatDateVi(result.at)}\n`);
    });

  group
    .command('map-old <code>')
    .description('Đơn vị cũ (trước 01/07/2025) nay thuộc đơn vị nào / which current unit(s) an old unit became')
    .option('--at <date>', 'ngày đơn vị cũ còn hiệu lực (mặc định 2025-06-30)')
    .option('--target <date>', 'ngày của đơn vị mới (mặc định hôm nay)')
    .option('--json', 'in JSON / print JSON')
    .action(async (code: string, opts: { at?: string; target?: string; json?: boolean }) => {
      parseInput(UnitCode, code, 'code');
      const query = parseInput(UnitSuccessorsQuery, { at: opts.at, target: opts.target });
      const result = await withServiceContext(config(), (ctx) => units.mapOldUnit(ctx, code, query));
      if (opts.json) return printJson(result);
      const u = result.unit;
      const place = result.ancestors.map((a) => a.fullName).join(', ');
      process.stdout.write(`${u.fullName} (${u.code})${place ? `, ${place}` : ''}; hiệu lực: ${validity(u)}\n`);
      if (result.successors.length === 0) {
        process.stdout.write(
          u.validTo === null || u.validTo >= result.target
            ? `Đơn vị vẫn còn hiệu lực ngày ${formatDateVi(result.target)}, không có đơn vị kế thừa.\n`
            : `Không có dữ liệu về đơn vị kế thừa tại ngày ${formatDateVi(result.target)}.\n`,
        );
        return;
      }
      process.stdout.write(`Nay thuộc (ngày ${formatDateVi(result.target)}):\n\n`);
      printTable(
        ['Mã', 'Đơn vị hiện nay', 'Tỉnh', 'Sáp nhập', 'Từ ngày', 'Qua xã cũ'],
        result.successors.map((s) => [
          s.unit.code,
          s.unit.fullName,
          s.unit.parentCode ?? '',
          s.kind === 'full' ? 'toàn bộ' : 'một phần',
          formatDateVi(s.effectiveDate),
          s.via.join(', ') || null,
        ]),
      );
      process.stdout.write(`\nCăn cứ: ${[...new Set(result.successors.map((s) => s.legalBasis))].join(' | ')}\n`);
    });
}
