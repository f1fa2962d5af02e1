import type { Command } from 'commander';
import type { Config } from '../../config';
import { runScheduledWork } from '../../modules/jobs/jobs.scheduler';
import type { JobLogger } from '../../modules/jobs/jobs.service';
import { createMailer } from '../../modules/notifications/notifications.mail';
import { Envelope, Keyring } from '../../platform/envelope';
import { loadSecretKey } from '../../platform/secrets';
import { openCliDatabase } from '../database';
import { printJson } from '../output';

/** Warnings and errors as JSON lines on stderr (ids and codes only, as the server logs them). */
const stderrLogger: JobLogger = {
  info: () => {},
  warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...obj })}\n`),
};

export function registerJobCommands(program: Command, config: () => Config): void {
  const jobs = program.command('jobs').description('Việc chạy nền, nhắc việc / background jobs and reminders');
  jobs
    .command('run')
    .description(
      'Chạy ngay các việc đến hạn (việc hằng ngày, gửi thư thông báo) / run due jobs now: the daily jobs, notification e-mails',
    )
    .option('--json', 'in JSON / print JSON')
    .action(async (opts: { json?: boolean }) => {
      const cfg = config();
      // Handlers may seal or open personal data (a system step on a person's procedure).
      const envelope = new Envelope(Keyring.open(cfg.keyringFile), loadSecretKey(cfg));
      const database = await openCliDatabase(cfg, { migrate: false });
      const mailer = createMailer(cfg.mail);
      try {
        const result = await runScheduledWork({
          db: database.db,
          clock: () => new Date(),
          logger: stderrLogger,
          mailer,
          publicUrl: cfg.mail?.publicUrl ?? null,
          envelope,
        });
        if (opts.json) return printJson(result);
        const { jobs: j, mail: m } = result;
        process.stdout.write(
          `Việc / jobs: ${j.done} xong / done, ${j.retried} chờ chạy lại / to retry, ${j.failed} thất bại / failed, ` +
            `${j.reclaimed} nhận lại / reclaimed; ${result.enqueued} việc hằng ngày mới / daily jobs enqueued\n` +
            `Thư / e-mails: ${m.sent} đã gửi / sent, ${m.retried} gửi lại sau / to retry, ${m.failed} thất bại / failed, ` +
            `${m.skipped} bỏ qua / skipped${cfg.mail ? '' : ' (chưa cấu hình PCMT_SMTP_URL / no PCMT_SMTP_URL)'}\n`,
        );
        if (j.failed > 0 || m.failed > 0) process.exitCode = 1;
      } finally {
        mailer?.close();
        await database.close();
      }
    });
}
