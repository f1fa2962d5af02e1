import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PARSED_PLAN_KEYS, type ParsedPlan, parsePlanText } from '@shared/plans';
import type { Command } from 'commander';
import { CliError } from '../errors';
import { printJson } from '../output';

const TYPE_LABELS: Record<NonNullable<ParsedPlan['type']>, string> = {
  annual: 'kế hoạch năm',
  action_month: 'Tháng hành động',
  thematic: 'chuyên đề',
  multi_year: 'nhiều năm',
  other: 'khác',
};

/** `--json` prints exactly the contract's keys, in order (nothing added by the CLI). */
function contractOnly(plan: ParsedPlan): ParsedPlan {
  return Object.fromEntries(PARSED_PLAN_KEYS.map((key) => [key, plan[key]])) as unknown as ParsedPlan;
}

function vnDate(iso: string | null): string {
  if (iso === null) return '?';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function printSummary(plan: ParsedPlan): void {
  const dash = (value: string | null) => value ?? '—';
  const lines = [
    `Tiêu đề: ${dash(plan.title)}`,
    `Số: ${dash(plan.number)}   Ngày: ${plan.date ? vnDate(plan.date) : '—'}`,
    `Cơ quan ban hành: ${dash(plan.issuer)}   Người ký: ${dash(plan.signer)}`,
    `Loại: ${plan.type ? TYPE_LABELS[plan.type] : '—'}   Thời gian: ${
      plan.period ? `${vnDate(plan.period.from)} – ${vnDate(plan.period.to)}` : '—'
    }`,
    `Chủ đề: ${dash(plan.theme)}`,
    `Căn cứ: ${plan.references.length > 0 ? plan.references.join(', ') : '—'}`,
    `Mục tiêu: ${plan.objectives.length}   Cơ quan được giao: ${plan.agencies.length}   Hạn báo cáo: ${plan.deadlines.length}`,
    ...plan.agencies.map((a) => `  - ${a.name} (${a.tasks.length} nhiệm vụ)`),
    ...plan.deadlines.map((d) => `  Hạn ${vnDate(d.by)}: ${d.what}${d.to ? ` → ${d.to}` : ''}`),
    `Kinh phí: ${dash(plan.funding)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('Kế hoạch phòng, chống ma túy / drug-prevention plans');
  plan
    .command('parse')
    .description('Đọc một kế hoạch (tệp .txt) / read a plan from a text file, without the database')
    .argument('<file>', 'tệp .txt (UTF-8) / a UTF-8 .txt file')
    .option('--json', 'in JSON / print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      if (path.extname(file).toLowerCase() !== '.txt') {
        throw new CliError(
          `Chỉ đọc được tệp .txt; docx/pdf chưa hỗ trợ / only .txt files can be read for now (got ${path.basename(file)})`,
        );
      }
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new CliError(`Không đọc được tệp / cannot read ${file}: ${(error as Error).message}`);
      }
      const parsed = parsePlanText(text);
      if (opts.json) return printJson(contractOnly(parsed));
      printSummary(parsed);
    });
}
