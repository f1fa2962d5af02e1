import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, TestClock } from '../../../../tests/support/auth';
import { auditCount, createTestApp, type TestApp } from '../../../../tests/support/test-app';

const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
let admin: Browser;
let officer: Browser;

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const a = await makeUser(t, { username: 'cal.admin', unitCode: '01', agencyCode: 'PC04', roles: ['system_admin'] });
  admin = await firstLogin(t, clock, 'cal.admin', a.password);
  const o = await makeUser(t, { username: 'cal.officer', unitCode: '00004', agencyCode: 'CA_XA', roles: ['commune_officer'] });
  officer = await firstLogin(t, clock, 'cal.officer', o.password);
}, 120_000);
afterAll(() => t.close());

const dates = (body: { holidays: { date: string; key: string }[] }, key?: string) =>
  body.holidays.filter((h) => !key || h.key === key).map((h) => h.date);

describe('the working-day calendar', () => {
  it('shows a year’s holidays by law, with Tết from the lunar calendar, to every user', async () => {
    const year = (await call(t.app, officer, 'GET', '/api/calendar/2026')).json();
    expect(dates(year, 'tet')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(dates(year, 'hung-kings')).toEqual(['2026-04-26']);
    expect(year.holidays.every((h: { provisional: boolean; key: string }) => h.key !== 'tet' || h.provisional)).toBe(true);
    expect(year.declaration).toBeNull();
    const deadline = (await call(t.app, officer, 'GET', '/api/calendar/working-days?from=2026-02-13&days=3')).json();
    expect(deadline).toEqual({ from: '2026-02-13', days: 3, date: '2026-02-25' });
  });

  it('takes the year’s announcement from the administrator, audited, and deadlines follow it', async () => {
    const body = {
      declaration: {
        tetDays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
        extraDaysOff: ['2026-02-13'],
        makeUpWorkingDays: ['2026-02-28'],
      },
      document: 'Thông báo giả lập số 01/TB-THU về nghỉ Tết 2026',
    };
    expect((await call(t.app, officer, 'PUT', '/api/calendar/2026', body)).statusCode).toBe(403);
    const saved = await call(t.app, admin, 'PUT', '/api/calendar/2026', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, document: body.document });
    expect(dates(saved.json(), 'tet')).toEqual(body.declaration.tetDays);
    // Announced now, no longer the default rule's guess.
    expect(saved.json().holidays.filter((h: { key: string; provisional: boolean }) => h.key === 'tet' && h.provisional)).toEqual(
      [],
    );
    expect(await auditCount(t, 'calendar.update', '2026')).toBe(1);
    // Thursday 12/02 + 3 working days: 13/02 is declared off, then the weekend and Tết; Saturday 28/02 is worked.
    const deadline = (await call(t.app, officer, 'GET', '/api/calendar/working-days?from=2026-02-12&days=3')).json();
    expect(deadline.date).toBe('2026-02-25');
    const across = (await call(t.app, officer, 'GET', '/api/calendar/working-days?from=2026-02-26&days=2')).json();
    expect(across.date).toBe('2026-02-28');

    const stale = await call(t.app, admin, 'PUT', '/api/calendar/2026', body);
    expect([stale.statusCode, stale.json().code, stale.json().current.version]).toEqual([409, 'VERSION_CONFLICT', 1]);
  });

  it('refuses what the law does not allow, field by field, and writes nothing', async () => {
    const put = (declaration: Record<string, unknown>) =>
      call(t.app, admin, 'PUT', '/api/calendar/2027', { declaration, document: 'Thông báo giả lập' });
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ tetDays: ['2027-02-05', '2027-02-06'] }, ['body', 'declaration', 'tetDays']],
      [{ nationalDayAdjacent: '2027-09-04' }, ['body', 'declaration', 'nationalDayAdjacent']],
      [{ makeUpWorkingDays: ['2027-03-03'] }, ['body', 'declaration', 'makeUpWorkingDays', 0]],
      [{ extraDaysOff: ['2027-09-02'] }, ['body', 'declaration', 'extraDaysOff', 0]],
      [{ extraDaysOff: ['2026-12-31'] }, ['body', 'declaration', 'extraDaysOff', 0]],
    ];
    for (const [declaration, path] of cases) {
      const response = await put(declaration);
      expect(response.statusCode, JSON.stringify(declaration)).toBe(400);
      expect(response.json().issues[0].path).toEqual(path);
    }
    expect((await call(t.app, officer, 'GET', '/api/calendar/2027')).json().declaration).toBeNull();
    expect((await call(t.app, officer, 'GET', '/api/calendar/2013')).statusCode).toBe(400);
  });
});
