import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { DB } from '../../db/types';
import { type DbScope, inScope } from '../../platform/db-scope';
import type { JobLogger } from '../jobs/jobs.service';
import * as repo from './notifications.repo';

/**
 * Notification e-mails, sent only when an SMTP server is configured (PCMT_SMTP_URL). The
 * notification row is the outbox: it is written with `mail_state = 'pending'` in the transaction
 * that creates it, and `deliverPendingMail` (run by the scheduler after the jobs) sends it after
 * commit, so an e-mail failure never rolls a notification back. The e-mail carries the title and
 * the link only, never personal data; failures are logged with the notification id only.
 */
export type MailConfig = NonNullable<Config['mail']>;

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** An SMTP mailer for the configured server, or null when none is configured. */
export function createMailer(mail: Config['mail']): Mailer | null {
  if (!mail) return null;
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (message) => {
      await transport.sendMail({ from: mail.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** Attempts per e-mail before it is given up (`failed`). */
export const MAIL_MAX_ATTEMPTS = 3;
/** A notification older than this when its e-mail could go is not mailed (the app still shows it). */
export const MAIL_MAX_AGE_MS = 24 * 60 * 60_000;
/** An e-mail left `sending` this long (its process died) is tried again. */
const MAIL_STUCK_AFTER_MS = 15 * 60_000;
const BATCH = 100;

/** The e-mail of one notification: its title and where to open it. */
export function mailOf(notification: { title: string; link: string | null }, publicUrl: string | null): Omit<MailMessage, 'to'> {
  const where = notification.link ?? '/';
  const url = publicUrl ? `${publicUrl}${where}` : null;
  const open = url
    ? `Mở PCMT để xem / open PCMT to see it: ${url}`
    : `Đăng nhập PCMT để xem / log in to PCMT to see it (${where})`;
  return {
    subject: `[PCMT] ${notification.title}`,
    text: `${notification.title}\n\n${open}\n\n— Thư tự động của PCMT, xin đừng trả lời. / An automatic message from PCMT; do not reply.\n`,
  };
}

export interface MailDeps {
  db: Kysely<DB>;
  clock: () => Date;
  logger: JobLogger;
  mailer: Mailer | null;
  publicUrl: string | null;
}

export interface MailResult {
  sent: number;
  /** Failed this time; tried again on the next run until MAIL_MAX_ATTEMPTS. */
  retried: number;
  /** Given up. */
  failed: number;
  /** Not to be sent: no SMTP server, no address, the user disabled, or too old. */
  skipped: number;
}

const SYSTEM: DbScope = { kind: 'system', reason: 'notification mail' };

/** Sends the pending notification e-mails (all of them, a batch at a time). */
export async function deliverPendingMail(deps: MailDeps): Promise<MailResult> {
  const result: MailResult = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const { mailer } = deps;
  const start = deps.clock();
  if (!mailer) {
    result.skipped = await inScope(deps.db, SYSTEM, (trx) => repo.skipAllPendingMail(trx, start), start);
    return result;
  }
  const claimedBefore = new Date(start.getTime() - MAIL_STUCK_AFTER_MS);
  await inScope(
    deps.db,
    SYSTEM,
    async (trx) => {
      result.skipped = await repo.skipUndeliverableMail(trx, {
        now: start,
        createdBefore: new Date(start.getTime() - MAIL_MAX_AGE_MS),
      });
      result.failed = await repo.failAbandonedMail(trx, { now: start, claimedBefore, maxAttempts: MAIL_MAX_ATTEMPTS });
    },
    start,
  );
  // Failed ones stay `sending` until the end of this run, so that its next batch does not take them again.
  const retryLater: string[] = [];
  for (let batch = 0; batch < 100; batch++) {
    const now = deps.clock();
    const claimed = await inScope(
      deps.db,
      SYSTEM,
      async (trx) => {
        const rows = await repo.claimMail(trx, { now, claimedBefore, maxAttempts: MAIL_MAX_ATTEMPTS, limit: BATCH });
        const addresses = await repo.mailAddresses(trx, [...new Set(rows.map((r) => r.user_id))]);
        return { rows, addressOf: new Map(addresses.map((a) => [a.id, a.email])) };
      },
      now,
    );
    if (claimed.rows.length === 0) break;
    const sent: string[] = [];
    const retry: string[] = [];
    const failed: string[] = [];
    const skipped: string[] = [];
    // Sent outside any transaction: SMTP may be slow, and the embedded database has one connection.
    for (const row of claimed.rows) {
      const to = claimed.addressOf.get(row.user_id);
      if (!to) {
        skipped.push(row.id);
        continue;
      }
      try {
        await mailer.send({ to, ...mailOf(row, deps.publicUrl) });
        sent.push(row.id);
      } catch (error) {
        const e = error as { code?: unknown; responseCode?: unknown };
        const last = row.mail_attempts >= MAIL_MAX_ATTEMPTS;
        (last ? failed : retry).push(row.id);
        // The notification id only: the error's text may quote the address.
        deps.logger.warn(
          {
            notificationId: row.id,
            attempt: row.mail_attempts,
            code: typeof e?.code === 'string' ? e.code : null,
            responseCode: typeof e?.responseCode === 'number' ? e.responseCode : null,
          },
          last ? 'notification e-mail failed, given up' : 'notification e-mail failed, will retry',
        );
      }
    }
    const done = deps.clock();
    await inScope(
      deps.db,
      SYSTEM,
      async (trx) => {
        await repo.setMailState(trx, sent, 'sent', done);
        await repo.setMailState(trx, failed, 'failed', done);
        await repo.setMailState(trx, skipped, 'skipped', done);
      },
      done,
    );
    result.sent += sent.length;
    result.failed += failed.length;
    result.skipped += skipped.length;
    result.retried += retry.length;
    retryLater.push(...retry);
  }
  if (retryLater.length > 0) {
    const now = deps.clock();
    await inScope(deps.db, SYSTEM, (trx) => repo.setMailState(trx, retryLater, 'pending', now), now);
  }
  return result;
}
