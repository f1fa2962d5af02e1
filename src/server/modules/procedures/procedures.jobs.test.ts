import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, TestClock } from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { DAILY_JOB_KINDS, enqueueDailyJobs, runDueJobs } from '../jobs/jobs.service';
import '../jobs/handlers';

/**
 * The daily deadline job (issue #5 item 6) on the real database: it ends a management whose year
 * has run, marks passed deadlines overdue once, and reminds the commune's police and People's
 * Committee without naming the person; a second run adds nothing. Fake people only.
 */
const clock = new TestClock(new Date('2026-06-20T03:00:00Z'));
let t: TestApp;
const users: Record<string, { id: string; browser: Browser }> = {};
const silent = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  for (const [key, agency, unit] of [
    ['police', 'CA_XA', '00004'],
    ['chair', 'UBND_XA', '00004'],
    ['elsewhere', 'CA_XA', '00008'],
  ] as const) {
    const { id, password } = await makeUser(t, {
      username: `job.${key}`,
      unitCode: unit,
      agencyCode: agency,
      roles: ['commune_officer'],
    });
    users[key] = { id, browser: await firstLogin(t, clock, `job.${key}`, password) };
  }
}, 120_000);
afterAll(() => t.close());

const as = (key: string) => users[key]?.browser as Browser;
async function personWithPositiveTest(name: string, testedOn: string) {
  const person = await call(t.app, as('police'), 'POST', '/api/persons', {
    fullName: name,
    birthYear: 1992,
    sex: 'male',
    currentResidence: { unitCode: '00004' },
    hasStableResidence: true,
    confirmNotDuplicate: true,
  });
  const personId = person.json().id as string;
  const test = await call(t.app, as('police'), 'POST', `/api/persons/${personId}/procedures`, {
    kind: 'drug_test',
    action: 'record',
    decidedOn: testedOn,
    data: { grounds: ['h'], sampleType: 'urine', result: 'positive', substances: ['Heroin'], testingUnit: 'Công an xã' },
  });
  expect(test.statusCode, test.body).toBe(201);
  return { personId, managementId: test.json().opened[0].id as string };
}
const run = async (date: string) => {
  await enqueueDailyJobs({ db: t.database.db, clock: clock.read }, date);
  return runDueJobs({ db: t.database.db, clock: clock.read, logger: silent, envelope: t.app.deps.envelope });
};
const notifications = async (userId: string) =>
  (
    await sql<{ title: string; body: string; link: string; kind: string }>`
      SELECT title, body, link, kind FROM notification WHERE user_id = ${userId} ORDER BY title`.execute(t.database.db)
  ).rows;

describe('the daily deadline job', () => {
  it('expires a management whose year has run, marks overdue deadlines and reminds the commune', async () => {
    const late = await personWithPositiveTest('Người Quá Hạn Thử', '2026-06-10'); // decision due 15/06/2026
    const ended = await personWithPositiveTest('Người Hết Hạn Thử', '2025-05-02');
    const decided = await call(t.app, as('chair'), 'POST', `/api/procedures/${ended.managementId}/steps`, {
      action: 'decide',
      decidedOn: '2025-05-05',
      decisionNo: '09/QĐ-UBND',
      version: 1,
    });
    expect(decided.json().classification).toBe('ILLEGAL_USER_UNDER_MANAGEMENT');

    expect((await run('2026-06-20')).done).toBe(DAILY_JOB_KINDS.length);

    const management = (await call(t.app, as('police'), 'GET', `/api/procedures/${ended.managementId}`)).json();
    expect(management.state).toBe('expired');
    expect(management.steps.at(-1)).toMatchObject({ action: 'expire', decidedOn: '2026-05-05', bySystem: true });
    const person = (await call(t.app, as('police'), 'GET', `/api/persons/${ended.personId}`)).json();
    expect(person.classification).toBe('NONE');

    const { rows } = await sql<{ overdue: boolean }>`
      SELECT overdue_marked_at IS NOT NULL AS overdue FROM procedure_deadline
      WHERE procedure_id = ${late.managementId} AND timer = 'illegal_user.decision_deadline'`.execute(t.database.db);
    expect(rows).toEqual([{ overdue: true }]);

    for (const key of ['police', 'chair']) {
      const told = await notifications(users[key]?.id as string);
      expect(told).toEqual([
        {
          kind: 'deadline.overdue',
          title: 'Quá hạn: Hạn quyết định quản lý (hạn 15/06/2026)',
          body: 'Thủ tục: Quản lý người sử dụng trái phép chất ma túy',
          link: `/persons/${late.personId}`,
        },
      ]);
      expect(JSON.stringify(told)).not.toContain('Người Quá Hạn');
    }
    expect(await notifications(users.elsewhere?.id as string)).toEqual([]);
  });

  it('runs once per day and reminds once per deadline', async () => {
    expect((await run('2026-06-20')).done).toBe(0);
    clock.advance(24 * 3600_000);
    expect((await run('2026-06-21')).done).toBe(DAILY_JOB_KINDS.length);
    expect(await notifications(users.police?.id as string)).toHaveLength(1);
  });
});
