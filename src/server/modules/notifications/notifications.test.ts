import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, TestClock } from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { loadConfig } from '../../config';
import { inScope } from '../../platform/db-scope';
import { startJobScheduler } from '../jobs/jobs.scheduler';
import type { JobLogger } from '../jobs/jobs.service';
import { createMailer, deliverPendingMail, MAIL_MAX_ATTEMPTS } from './notifications.mail';
import { createNotifications, type NotificationInput } from './notifications.service';

const SYSTEM = { kind: 'system' as const, reason: 'test' };
const clock = new TestClock(new Date('2026-11-24T02:00:00Z'));
let t: TestApp;
let alice: Browser;
let bob: Browser;
let aliceId = '';
let bobId = '';

/** A real SMTP server on a free local port, keeping every message it receives. */
const received: { to: string[]; raw: string }[] = [];
const REFUSED = 'khong.nhan@example.vn';
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address === REFUSED) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});
let smtpUrl = '';

function captureLogger() {
  const lines: string[] = [];
  const logger: JobLogger = {
    info: (obj, msg) => lines.push(JSON.stringify({ msg, ...obj })),
    warn: (obj, msg) => lines.push(JSON.stringify({ msg, ...obj })),
    error: (obj, msg) => lines.push(JSON.stringify({ msg, ...obj })),
  };
  return { lines, logger };
}

function notify(items: NotificationInput[]) {
  return inScope(t.database.db, SYSTEM, (trx) => createNotifications(trx, items, clock.read()), clock.read());
}

function mailState(dedupeKey: string) {
  return sql<{ mail_state: string; mail_attempts: number }>`
    SELECT mail_state, mail_attempts FROM notification WHERE dedupe_key = ${dedupeKey}`
    .execute(t.database.db)
    .then((r) => r.rows[0]);
}

/** Subject and text of a received message (encoded words, quoted-printable or base64 bodies). */
function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const qp = (s: string) =>
    Buffer.from(
      s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const subject = (/^Subject: (.*)$/im.exec(head)?.[1] ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(head)?.[1]?.toLowerCase();
  const text =
    encoding === 'quoted-printable' ? qp(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject, text };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  t = await createTestApp({ clock: clock.read });
  const a = await makeUser(t, { username: 'notify.alice', unitCode: '00004', agencyCode: 'CA_XA', roles: ['commune_officer'] });
  const b = await makeUser(t, { username: 'notify.bob', unitCode: '00004', agencyCode: 'CA_XA', roles: ['commune_officer'] });
  aliceId = a.id;
  bobId = b.id;
  alice = await firstLogin(t, clock, 'notify.alice', a.password);
  bob = await firstLogin(t, clock, 'notify.bob', b.password);
}, 120_000);
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe('notifications', () => {
  it('are stored once per user and dedupe key, only by the system scope', async () => {
    const overdue = (userId: string, n: number) => ({
      userId,
      kind: 'deadlines.overdue',
      title: `${n} việc quá hạn trong xã Tân Phú`,
      link: '/work-queue',
      dedupeKey: 'overdue:2026-11-24',
    });
    // The same key twice in one call, then again: one row per user.
    expect(await notify([overdue(aliceId, 2), overdue(aliceId, 2), overdue(bobId, 1)])).toBe(2);
    expect(await notify([overdue(aliceId, 3)])).toBe(0);
    const aliceScope = {
      kind: 'user' as const,
      userId: aliceId,
      roles: ['commune_officer' as const],
      unitPath: '01.00004',
      agency: 'CA_XA',
    };
    await expect(
      inScope(t.database.db, aliceScope, (trx) =>
        createNotifications(trx, [{ ...overdue(aliceId, 9), dedupeKey: 'self-made' }], clock.read()),
      ),
    ).rejects.toThrow(/row-level security/);
    // Row-level security alone (no service filter): a user reads and marks only their own.
    const seen = await inScope(t.database.db, aliceScope, (trx) => trx.selectFrom('notification').select(['user_id']).execute());
    expect(seen).toEqual([{ user_id: aliceId }]);
    const marked = await inScope(t.database.db, aliceScope, (trx) =>
      trx.updateTable('notification').set({ read_at: clock.read() }).where('user_id', '=', bobId).executeTakeFirst(),
    );
    expect(marked.numUpdatedRows).toBe(0n);
    // Nor may a user touch the e-mail outbox of their own notification.
    await expect(
      inScope(t.database.db, aliceScope, (trx) =>
        trx.updateTable('notification').set({ mail_state: 'sent' }).where('user_id', '=', aliceId).execute(),
      ),
    ).rejects.toThrow(/only read_at/);
    // Personal data has no place in them: links are app paths, nothing else.
    await expect(notify([{ ...overdue(aliceId, 1), dedupeKey: 'x', link: 'https://evil.example/persons' }])).rejects.toThrow();
  });

  it('are listed, newest first, to their user only, and marked read by their user only', async () => {
    clock.advance(60_000);
    await notify([
      {
        userId: aliceId,
        kind: 'transfer.incoming',
        title: 'Một hồ sơ chuyển đến xã',
        link: '/persons/4c1a6a38-0d0b-4f7e-9b6c-1f1d2a3b4c5d',
        dedupeKey: 'transfer:1',
      },
    ]);
    const list = await call(t.app, alice, 'GET', '/api/notifications');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().unreadCount).toBe(2);
    expect(list.json().items.map((n: { title: string }) => n.title)).toEqual([
      'Một hồ sơ chuyển đến xã',
      '2 việc quá hạn trong xã Tân Phú',
    ]);
    const bobs = (await call(t.app, bob, 'GET', '/api/notifications')).json();
    expect(bobs.items.map((n: { title: string }) => n.title)).toEqual(['1 việc quá hạn trong xã Tân Phú']);
    const bobsId = bobs.items[0].id as string;
    const alicesNewest = list.json().items[0].id as string;

    // Another user's notification answers exactly as an unknown one, and stays unread.
    const foreign = await call(t.app, alice, 'POST', `/api/notifications/${bobsId}/read`);
    const unknown = await call(t.app, alice, 'POST', '/api/notifications/00000000-0000-4000-8000-00000000dead/read');
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect((await call(t.app, bob, 'GET', '/api/notifications?unread=true')).json().unreadCount).toBe(1);

    const read = await call(t.app, alice, 'POST', `/api/notifications/${alicesNewest}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: alicesNewest, readAt: clock.read().toISOString() });
    clock.advance(60_000);
    // Read twice: the first time stays.
    expect((await call(t.app, alice, 'POST', `/api/notifications/${alicesNewest}/read`)).json().readAt).toBe(read.json().readAt);
    const unread = (await call(t.app, alice, 'GET', '/api/notifications?unread=true')).json();
    expect([unread.unreadCount, unread.items.length]).toEqual([1, 1]);

    expect((await call(t.app, alice, 'POST', '/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await call(t.app, alice, 'GET', '/api/notifications')).json().unreadCount).toBe(0);
    expect((await call(t.app, bob, 'GET', '/api/notifications')).json().unreadCount).toBe(1);
    expect((await call(t.app, null, 'GET', '/api/notifications')).statusCode).toBe(401);
  });

  it('are not e-mailed when no SMTP server is configured (nor later, when one is)', async () => {
    await sql`UPDATE app_user SET email = 'alice@example.vn' WHERE id = ${aliceId}`.execute(t.database.db);
    const before = received.length;
    const mailer = createMailer(loadConfig({}).mail);
    expect(mailer).toBeNull();
    const result = await deliverPendingMail({
      db: t.database.db,
      clock: clock.read,
      logger: captureLogger().logger,
      mailer,
      publicUrl: null,
    });
    expect(result.skipped).toBe(3);
    expect(await mailState('transfer:1')).toEqual({ mail_state: 'skipped', mail_attempts: 0 });
    const later = createMailer(loadConfig({ PCMT_SMTP_URL: smtpUrl, PCMT_MAIL_FROM: 'PCMT <pcmt@example.vn>' }).mail);
    await deliverPendingMail({
      db: t.database.db,
      clock: clock.read,
      logger: captureLogger().logger,
      mailer: later,
      publicUrl: null,
    });
    later?.close();
    expect(received.length).toBe(before);
  });

  it('are e-mailed through the configured SMTP server: the title and a link, no personal data', async () => {
    const config = loadConfig({
      PCMT_SMTP_URL: smtpUrl,
      PCMT_MAIL_FROM: 'PCMT <pcmt@example.vn>',
      PCMT_PUBLIC_URL: 'https://pcmt.example.vn/',
    });
    expect(() => loadConfig({ PCMT_SMTP_URL: smtpUrl })).toThrow(/PCMT_MAIL_FROM/);
    clock.advance(60_000);
    const personLink = '/persons/9f0e1d2c-3b4a-4596-8778-695a4b3c2d1e';
    await notify([
      {
        userId: aliceId,
        kind: 'deadlines.due',
        title: 'Hạn quyết định áp dụng biện pháp: còn 2 ngày',
        body: 'Xã Tân Phú',
        link: personLink,
        dedupeKey: 'due:1',
      },
      { userId: bobId, kind: 'deadlines.due', title: 'Bob không có địa chỉ thư', dedupeKey: 'due:2' },
    ]);
    const before = received.length;
    const { lines, logger } = captureLogger();
    // Through the scheduler, as the server runs it.
    const scheduler = startJobScheduler({ db: t.database.db, clock: clock.read, logger, config }, { firstRunDelayMs: 3_600_000 });
    const round = await scheduler.runNow();
    await scheduler.stop();
    expect(round?.mail).toEqual({ sent: 1, retried: 0, failed: 0, skipped: 1 });
    expect(received.length).toBe(before + 1);
    const message = received.at(-1);
    expect(message?.to).toEqual(['alice@example.vn']);
    const { subject, text } = decodeMail(message?.raw ?? '');
    expect(subject).toBe('[PCMT] Hạn quyết định áp dụng biện pháp: còn 2 ngày');
    expect(text).toContain(`https://pcmt.example.vn${personLink}`);
    // Neither the body nor the user's name or address goes into the text.
    expect(text).not.toContain('Xã Tân Phú');
    expect(text).not.toContain('notify.alice');
    expect(text).not.toContain('alice@example.vn');
    expect(await mailState('due:1')).toEqual({ mail_state: 'sent', mail_attempts: 1 });
    expect(await mailState('due:2')).toMatchObject({ mail_state: 'skipped' });
    expect(lines.join('\n')).not.toContain('alice@example.vn');
    // Sent once: the next round has nothing to send.
    const mailer = createMailer(config.mail);
    const again = await deliverPendingMail({ db: t.database.db, clock: clock.read, logger, mailer, publicUrl: null });
    mailer?.close();
    expect(again.sent).toBe(0);
  });

  it('logs a refused e-mail by notification id only, retries it, and never loses the notification', async () => {
    const config = loadConfig({ PCMT_SMTP_URL: smtpUrl, PCMT_MAIL_FROM: 'pcmt@example.vn' });
    await sql`UPDATE app_user SET email = ${REFUSED} WHERE id = ${bobId}`.execute(t.database.db);
    clock.advance(60_000);
    await notify([{ userId: bobId, kind: 'deadlines.due', title: 'Thư sẽ bị từ chối', dedupeKey: 'due:refused' }]);
    const { lines, logger } = captureLogger();
    const mailer = createMailer(config.mail);
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      const result = await deliverPendingMail({ db: t.database.db, clock: clock.read, logger, mailer, publicUrl: null });
      expect(result, `attempt ${attempt}`).toMatchObject(attempt < MAIL_MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
    }
    mailer?.close();
    expect(await mailState('due:refused')).toEqual({ mail_state: 'failed', mail_attempts: MAIL_MAX_ATTEMPTS });
    const log = lines.join('\n');
    expect(log).toContain('notification e-mail failed');
    expect(log).toContain('"responseCode":550');
    expect(log).not.toContain(REFUSED);
    // The notification itself is there for its user.
    const bobs = (await call(t.app, bob, 'GET', '/api/notifications')).json();
    expect(bobs.items.map((n: { title: string }) => n.title)).toContain('Thư sẽ bị từ chối');
  });
});
