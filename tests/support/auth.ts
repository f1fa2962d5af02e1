import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { createUser } from '../../src/server/modules/users/users.service';
import type { UserCreateBody } from '../../src/shared/contracts/users';
import type { TestApp } from './test-app';

/** A moving test clock: TOTP steps, idle and absolute session limits are tested by advancing it. */
export class TestClock {
  constructor(public now = new Date('2026-06-15T03:00:00Z')) {}
  readonly read = () => new Date(this.now);
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

export interface Browser {
  cookie: string;
  csrf: string;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'pcmt_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return cookie.value;
}

let nextAddress = 0;
/** Each test request comes from its own address, so the per-IP login throttle counts only where a test means it to. */
function testAddress(): string {
  nextAddress++;
  return `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
}

export function call(
  app: FastifyInstance,
  browser: Browser | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return app.inject({
    method,
    url,
    remoteAddress: testAddress(),
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: browser ? { 'x-csrf-token': browser.csrf } : {},
    cookies: browser ? { pcmt_session: browser.cookie } : {},
  });
}

/** POSTs a file as the raw request body (attachments, imports), as the web client's `apiUpload` does. */
export function sendFile(
  app: FastifyInstance,
  browser: Browser,
  url: string,
  file: Buffer | string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: testAddress(),
    payload: file,
    headers: { 'content-type': contentType, 'x-csrf-token': browser.csrf, ...headers },
    cookies: { pcmt_session: browser.cookie },
  });
}

/** Creates an account as the CLI does (system context). Returns its one-time password. */
export async function makeUser(t: TestApp, input: Omit<UserCreateBody, 'displayName'> & { displayName?: string }) {
  const result = await createUser(
    { db: t.database.db, clock: () => new Date(), locale: 'vi' },
    { displayName: input.displayName ?? `Cán bộ thử nghiệm ${input.username}`, ...input },
  );
  return { id: result.user.id, password: result.temporaryPassword };
}

export const NEW_PASSWORD = 'một mật khẩu đủ dài 2026';

/**
 * The whole first login as a browser does it: password, new password, TOTP enrolment with the
 * secret from the QR code, first code. Returns the logged-in browser and the TOTP secret.
 */
export async function firstLogin(
  t: TestApp,
  clock: TestClock,
  username: string,
  password: string,
): Promise<Browser & { secret: string; recoveryCodes: string[] }> {
  const login = await call(t.app, null, 'POST', '/api/auth/login', { username, password });
  if (login.statusCode !== 200) throw new Error(`login ${login.statusCode} ${login.body}`);
  let browser: Browser = { cookie: sessionCookieOf(login), csrf: login.json().csrfToken };
  const changed = await call(t.app, browser, 'POST', '/api/auth/password', {
    currentPassword: password,
    newPassword: NEW_PASSWORD,
  });
  if (changed.statusCode !== 200) throw new Error(`password ${changed.statusCode} ${changed.body}`);
  browser = { cookie: sessionCookieOf(changed), csrf: changed.json().csrfToken };
  const enrol = await call(t.app, browser, 'POST', '/api/auth/mfa/enrol');
  const secret = enrol.json().secret as string;
  const code = await totp(secret, clock);
  const confirmed = await call(t.app, browser, 'POST', '/api/auth/mfa/confirm', { code });
  if (confirmed.statusCode !== 200) throw new Error(`confirm ${confirmed.statusCode} ${confirmed.body}`);
  clock.advance(30_000); // the code just used is spent; the next one comes from the next step
  return {
    cookie: sessionCookieOf(confirmed),
    csrf: confirmed.json().csrfToken,
    secret,
    recoveryCodes: confirmed.json().recoveryCodes,
  };
}

export function totp(secret: string, clock: TestClock, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now.getTime() / 1000) + offsetSeconds });
}

/** A later login: password, then the current TOTP code. */
export async function login(t: TestApp, clock: TestClock, username: string, password: string, secret: string): Promise<Browser> {
  const first = await call(t.app, null, 'POST', '/api/auth/login', { username, password });
  if (first.statusCode !== 200) throw new Error(`login ${first.statusCode} ${first.body}`);
  const half: Browser = { cookie: sessionCookieOf(first), csrf: first.json().csrfToken };
  const second = await call(t.app, half, 'POST', '/api/auth/mfa/verify', { code: await totp(secret, clock) });
  if (second.statusCode !== 200) throw new Error(`mfa ${second.statusCode} ${second.body}`);
  clock.advance(30_000);
  return { cookie: sessionCookieOf(second), csrf: second.json().csrfToken };
}
