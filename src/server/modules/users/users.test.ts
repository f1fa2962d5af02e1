import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, TestClock } from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/** A user's e-mail address for reminders (issue 5): set by the administrator, checked, changeable. */
const clock = new TestClock();
let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const { password } = await makeUser(t, {
    username: 'us.admin',
    unitCode: '01',
    agencyCode: 'CA_TINH',
    roles: ['system_admin'],
  });
  admin = await firstLogin(t, clock, 'us.admin', password);
}, 60_000);
afterAll(() => t.close());

describe('a user’s e-mail address', () => {
  it('is stored on creation, refused when malformed, and changed or removed by the administrator', async () => {
    const body = {
      username: 'us.mail',
      displayName: 'Cán bộ có thư',
      unitCode: '00004',
      agencyCode: 'CA_XA',
      roles: ['commune_officer'],
    };
    const bad = await call(t.app, admin, 'POST', '/api/users', { ...body, email: 'không-phải-thư' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toEqual(['body', 'email']);
    const created = await call(t.app, admin, 'POST', '/api/users', { ...body, email: 'can.bo@example.invalid' });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json().user;
    expect(user.email).toBe('can.bo@example.invalid');
    const changed = await call(t.app, admin, 'PATCH', `/api/users/${user.id}`, { email: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().email).toBeNull();
  });
});
