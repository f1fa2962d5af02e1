import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  firstLogin,
  login,
  makeUser,
  NEW_PASSWORD,
  sessionCookieOf,
  TestClock,
  totp,
} from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { createApiToken } from '../users/users.service';

const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
});
afterAll(() => t.close());

describe('first login', () => {
  it('requires a new password, refuses common ones, then TOTP enrolment, and ends with recovery codes', async () => {
    const { password } = await makeUser(t, {
      username: 'cb.first',
      unitCode: '00004',
      agencyCode: 'CA_XA',
      roles: ['commune_officer'],
    });
    const start = await call(t.app, null, 'POST', '/api/auth/login', { username: 'cb.first', password });
    expect(start.statusCode).toBe(200);
    expect(start.json()).toMatchObject({ stage: 'setup', user: { mustChangePassword: true, mfaEnrolled: false } });
    const cookie = start.cookies.find((c) => c.name === 'pcmt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const browser = { cookie: sessionCookieOf(start), csrf: start.json().csrfToken };

    // Nothing but the login steps is reachable yet.
    expect((await call(t.app, browser, 'GET', '/api/me/sessions')).json().code).toBe('LOGIN_INCOMPLETE');
    const common = await call(t.app, browser, 'POST', '/api/auth/password', {
      currentPassword: password,
      newPassword: 'qwerty123456',
    });
    expect(common.json().code).toBe('PASSWORD_TOO_COMMON');
    const short = await call(t.app, browser, 'POST', '/api/auth/password', { currentPassword: password, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    const wrong = await call(t.app, browser, 'POST', '/api/auth/password', {
      currentPassword: 'not it',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.json().code).toBe('PASSWORD_WRONG');

    const done = await firstLogin(t, clock, 'cb.first', password);
    expect(done.recoveryCodes).toHaveLength(10);
    const me = await call(t.app, done, 'GET', '/api/auth/me');
    expect(me.json()).toMatchObject({
      stage: 'active',
      user: { username: 'cb.first', mustChangePassword: false, mfaEnrolled: true },
    });
  });
});

describe('later logins', () => {
  let secret = '';
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    const { password } = await makeUser(t, {
      username: 'cb.later',
      unitCode: '00004',
      agencyCode: 'CA_XA',
      roles: ['commune_officer'],
    });
    ({ secret, recoveryCodes } = await firstLogin(t, clock, 'cb.later', password));
  });

  it('needs the TOTP code: wrong codes fail, a used code cannot be replayed, ±1 step is accepted', async () => {
    const first = await call(t.app, null, 'POST', '/api/auth/login', { username: 'cb.later', password: NEW_PASSWORD });
    expect(first.json().stage).toBe('mfa');
    const half = { cookie: sessionCookieOf(first), csrf: first.json().csrfToken };
    expect((await call(t.app, half, 'GET', '/api/users')).json().code).toBe('LOGIN_INCOMPLETE');
    expect((await call(t.app, half, 'POST', '/api/auth/mfa/verify', { code: '000000' })).json().code).toBe('MFA_CODE_INVALID');
    const nextStep = await totp(secret, clock, 30);
    const ok = await call(t.app, half, 'POST', '/api/auth/mfa/verify', { code: nextStep });
    expect(ok.json().stage).toBe('active');
    // The half-logged-in cookie was replaced: it no longer works.
    expect((await call(t.app, half, 'GET', '/api/auth/me')).statusCode).toBe(401);

    const again = await call(t.app, null, 'POST', '/api/auth/login', { username: 'cb.later', password: NEW_PASSWORD });
    const replay = await call(
      t.app,
      { cookie: sessionCookieOf(again), csrf: again.json().csrfToken },
      'POST',
      '/api/auth/mfa/verify',
      { code: nextStep },
    );
    expect(replay.json().code).toBe('MFA_CODE_INVALID');
    clock.advance(60_000);
  });

  it('accepts each recovery code once', async () => {
    const attempt = async () => {
      const first = await call(t.app, null, 'POST', '/api/auth/login', { username: 'cb.later', password: NEW_PASSWORD });
      return call(t.app, { cookie: sessionCookieOf(first), csrf: first.json().csrfToken }, 'POST', '/api/auth/mfa/verify', {
        code: recoveryCodes[0]?.toUpperCase(),
      });
    };
    expect((await attempt()).json().stage).toBe('active');
    expect((await attempt()).json().code).toBe('MFA_CODE_INVALID');
  });

  it('ends the session after 15 idle minutes and after 12 hours at most', async () => {
    const browser = await login(t, clock, 'cb.later', NEW_PASSWORD, secret);
    clock.advance(14 * 60_000);
    expect((await call(t.app, browser, 'GET', '/api/me/sessions')).statusCode).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    expect((await call(t.app, browser, 'GET', '/api/me/sessions')).json().code).toBe('AUTH_REQUIRED');

    const busy = await login(t, clock, 'cb.later', NEW_PASSWORD, secret);
    for (let minutes = 0; minutes < 12 * 60; minutes += 10) {
      clock.advance(10 * 60_000);
      const response = await call(t.app, busy, 'GET', '/api/me/sessions');
      if (minutes + 10 >= 12 * 60) expect(response.statusCode).toBe(401);
      else expect(response.statusCode, `after ${minutes + 10} min`).toBe(200);
    }
  });

  it('logs out on the server: the old cookie stops working', async () => {
    const browser = await login(t, clock, 'cb.later', NEW_PASSWORD, secret);
    expect((await call(t.app, browser, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await call(t.app, browser, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const browser = await login(t, clock, 'cb.later', NEW_PASSWORD, secret);
    const forged = await call(t.app, { cookie: browser.cookie, csrf: 'forged' }, 'POST', '/api/auth/logout');
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF_INVALID');
    expect((await call(t.app, browser, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });
});

describe('refusals that reveal nothing', () => {
  it('answers an unknown user, a wrong password, a locked and a disabled account identically', async () => {
    const { id, password } = await makeUser(t, {
      username: 'cb.locked',
      unitCode: '00004',
      agencyCode: 'CA_XA',
      roles: ['commune_officer'],
    });
    const body = async (username: string, pass: string) => {
      const response = await call(t.app, null, 'POST', '/api/auth/login', { username, password: pass });
      const { requestId: _ignored, ...rest } = response.json();
      return { status: response.statusCode, ...rest };
    };
    const unknown = await body('khong.ton.tai', 'whatever password');
    const wrong = await body('cb.locked', 'wrong password 1');
    expect(wrong).toEqual(unknown);
    expect(unknown).toMatchObject({ status: 401, code: 'LOGIN_FAILED' });
    for (let i = 2; i <= 5; i++) await body('cb.locked', `wrong password ${i}`);
    // Locked now: even the right password gets the same answer.
    expect(await body('cb.locked', password)).toEqual(unknown);
    clock.advance(15 * 60_000 + 1000);
    expect((await body('cb.locked', password)).status).toBe(200);

    await import('../users/users.service').then((users) =>
      users.updateUser({ db: t.database.db, clock: clock.read, locale: 'vi' }, id, { disabled: true }),
    );
    expect(await body('cb.locked', password)).toEqual(unknown);
  });

  it('throttles login attempts per IP address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'x' },
        remoteAddress: '192.0.2.7',
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().code).toBe('RATE_LIMITED');
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const otherIp = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
      remoteAddress: '192.0.2.8',
    });
    expect(otherIp.statusCode).toBe(401);
  });
});

describe('administrator changes and API tokens', () => {
  it("ends a user's sessions at once when the admin changes their role or disables them", async () => {
    const admin = await makeUser(t, { username: 'qt.admin', unitCode: '01', agencyCode: 'CA_TINH', roles: ['system_admin'] });
    const adminBrowser = await firstLogin(t, clock, 'qt.admin', admin.password);
    const officer = await makeUser(t, {
      username: 'cb.moved',
      unitCode: '00004',
      agencyCode: 'CA_XA',
      roles: ['commune_officer'],
    });
    const officerBrowser = await firstLogin(t, clock, 'cb.moved', officer.password);
    expect((await call(t.app, officerBrowser, 'GET', '/api/me/sessions')).statusCode).toBe(200);
    const moved = await call(t.app, adminBrowser, 'PATCH', `/api/users/${officer.id}`, { unitCode: '00008' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().unit.code).toBe('00008');
    expect((await call(t.app, officerBrowser, 'GET', '/api/me/sessions')).statusCode).toBe(401);
    const self = await call(t.app, adminBrowser, 'PATCH', `/api/users/${admin.id}`, { disabled: true });
    expect(self.json().code).toBe('SELF_LOCKOUT');
  });

  it('gives a bearer token exactly its user’s rights, until revoked or expired', async () => {
    await makeUser(t, { username: 'qt.token', unitCode: '01', agencyCode: 'CA_TINH', roles: ['system_admin'] });
    await makeUser(t, { username: 'cb.token', unitCode: '00004', agencyCode: 'CA_XA', roles: ['commune_officer'] });
    const ctx = { db: t.database.db, clock: clock.read, locale: 'vi' as const };
    const adminToken = await createApiToken(ctx, { username: 'qt.token', ttlDays: 1, name: 'test' });
    const officerToken = await createApiToken(ctx, { username: 'cb.token', ttlDays: 30, name: 'test' });
    const get = (token: string) =>
      t.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${token}` } });
    expect((await get(adminToken.token)).statusCode).toBe(200);
    expect((await get(officerToken.token)).statusCode).toBe(403);
    expect((await get('pcmt_not-a-token')).statusCode).toBe(401);
    // Both refusals are in the audit log, with who was refused and where.
    const { sql } = await import('kysely');
    const refusals = await sql<{ action: string; actor_username: string | null; outcome: string; route: string }>`
      SELECT action, actor_username, outcome, details->>'route' AS route FROM audit_event
      WHERE action IN ('access.denied', 'auth.token_rejected') ORDER BY seq`.execute(t.database.db);
    expect(refusals.rows).toEqual([
      { action: 'access.denied', actor_username: 'cb.token', outcome: 'denied', route: '/api/users' },
      { action: 'auth.token_rejected', actor_username: null, outcome: 'denied', route: '/api/users' },
    ]);
    clock.advance(24 * 3600_000 + 1000);
    expect((await get(adminToken.token)).statusCode).toBe(401);
  });
});
