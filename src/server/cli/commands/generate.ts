import { todayInVietnam } from '@shared/dates';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Config } from '../../config';
import { generatePersons, listCommunes } from '../../modules/persons/persons.generate';
import { Envelope, Keyring } from '../../platform/envelope';
import { loadSecretKey } from '../../platform/secrets';
import { openCliDatabase } from '../database';
import { CliError } from '../errors';
import { startProgress } from '../progress';
import { parseInput } from '../run';

const Options = z.strictObject({
  count: z.coerce.number().int().min(1).max(5_000_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

export function registerGenerateCommands(program: Command, config: () => Config): void {
  const generate = program.command('generate').description('Dữ liệu giả lập cho thử nghiệm / synthetic data for tests and demos');
  generate
    .command('persons')
    .description('Sinh đối tượng giả lập (tên, số định danh hợp lệ về cấu trúc, rải trên các xã thật) / generate fake persons')
    .requiredOption('--count <n>', 'số lượng')
    .option('--seed <n>', 'hạt giống: cùng hạt giống, cùng dữ liệu', '1')
    .option('--province <code>', 'chỉ các xã của tỉnh này (mã 2 chữ số)')
    .action(async (raw: { count: string; seed: string; province?: string }) => {
      const options = parseInput(Options, raw);
      const cfg = config();
      const envelope = new Envelope(Keyring.open(cfg.keyringFile), loadSecretKey(cfg));
      const database = await openCliDatabase(cfg, { migrate: false });
      try {
        const now = new Date();
        const communes = await listCommunes(database.db, options.province ?? null, todayInVietnam(now));
        if (communes.length === 0)
          throw new CliError(`Không có xã nào của tỉnh ${options.province} / no communes in province ${options.province}`);
        const progress = startProgress('Sinh đối tượng / generating persons', options.count);
        const count = await generatePersons(database.db, envelope, {
          count: options.count,
          seed: options.seed,
          communes,
          now,
          onProgress: (done) => progress.update(done, ''),
        });
        progress.stop();
        process.stdout.write(`Đã sinh / generated ${count} đối tượng giả lập trên ${communes.length} xã\n`);
      } finally {
        await database.close();
      }
    });
}
