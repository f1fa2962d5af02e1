import type { Command } from 'commander';
import type { Config } from '../../config';
import { Envelope, Keyring } from '../../platform/envelope';
import { rotateKeys } from '../../platform/key-rotation';
import { loadSecretKey } from '../../platform/secrets';
import { openCliDatabase } from '../database';
import { type Progress, startProgress } from '../progress';

export function registerKeyCommands(program: Command, config: () => Config): void {
  const keys = program.command('keys').description('Khóa mã hóa dữ liệu cá nhân / encryption keys for personal data');
  keys
    .command('rotate')
    .description('Tạo khóa mới, bọc lại mọi khóa dữ liệu, bỏ khóa cũ / rotate the key-encryption key')
    .action(async () => {
      const cfg = config();
      const envelope = new Envelope(Keyring.open(cfg.keyringFile), loadSecretKey(cfg));
      const database = await openCliDatabase(cfg, { migrate: false });
      let progress: Progress | null = null;
      try {
        const result = await rotateKeys(database.db, envelope, (table, done, total) => {
          progress ??= startProgress(`Bọc lại khóa / re-wrapping ${table}`, total);
          progress.update(done, '');
        });
        (progress as Progress | null)?.stop();
        process.stdout.write(
          `Đã xoay khóa / rotated: đang dùng ${result.active}, bọc lại ${result.rewrapped} khóa dữ liệu, bỏ ${result.retired.join(', ') || 'không khóa nào'}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
