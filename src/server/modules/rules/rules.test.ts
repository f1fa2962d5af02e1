import { ruleOn } from '@shared/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, TestClock } from '../../../../tests/support/auth';
import { auditCount, createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { inScope } from '../../platform/db-scope';
import { ruleInForce } from './rules.service';

const UNKNOWN_USER = '00000000-0000-4000-8000-00000000beef';

const clock = new TestClock();
let t: TestApp;
const browsers: Record<string, Browser> = {};
const SPECS = [
  { key: 'admin', unit: '01', agency: 'CA_TINH', role: 'system_admin' as const },
  { key: 'police', unit: '00004', agency: 'CA_XA', role: 'commune_officer' as const },
];

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  for (const spec of SPECS) {
    const username = `rules.${spec.key}`;
    const { password } = await makeUser(t, { username, unitCode: spec.unit, agencyCode: spec.agency, roles: [spec.role] });
    browsers[spec.key] = await firstLogin(t, clock, username, password);
  }
}, 180_000);
afterAll(() => t.close());

const as = (key: string) => {
  const browser = browsers[key];
  if (!browser) throw new Error(key);
  return browser;
};
type Rule = { key: string; confirmed: boolean; value: unknown; override: { ruleSetId: string; version: number } | null };
const ruleIn = (set: { rules: Rule[] }, key: string) => set.rules.find((r) => r.key === key);

describe('rule sets over HTTP', () => {
  it('lists every version with its rules, confirmed or not, to any logged-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/rule-sets' })).statusCode).toBe(401);
    const list = await call(t.app, as('police'), 'GET', '/api/rule-sets');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; rules: Rule[]; confirmedCount: number; unconfirmedCount: number }[];
    expect(items.map((s) => s.id)).toEqual(['law73-2022', 'law73-2025-03', 'law73-2025-07', 'law120-2026']);
    for (const set of items) {
      expect(set.confirmedCount + set.unconfirmedCount).toBe(set.rules.length);
      expect(set.unconfirmedCount).toBeGreaterThan(0);
    }
    const law120 = items[3];
    expect(law120 && ruleIn(law120, 'voluntary_rehab.duration')).toMatchObject({
      confirmed: false,
      confirmationLabel: 'chưa xác nhận',
    });
    expect(law120 && ruleIn(law120, 'illegal_user.management_duration')).toMatchObject({
      confirmed: true,
      inherited: true,
      definedIn: 'law73-2022',
    });
  });

  it('answers the version in force on a decision date, at each boundary', async () => {
    const on = async (date: string) => call(t.app, as('police'), 'GET', `/api/rule-sets/on/${date}`);
    expect((await on('2021-12-31')).json().code).toBe('RULE_SET_NONE_ON_DATE');
    expect((await on('2021-12-31')).statusCode).toBe(404);
    expect((await on('2025-02-30')).statusCode).toBe(400);
    for (const [date, id] of [
      ['2022-01-01', 'law73-2022'],
      ['2025-02-28', 'law73-2022'],
      ['2025-03-01', 'law73-2025-03'],
      ['2025-06-30', 'law73-2025-03'],
      ['2025-07-01', 'law73-2025-07'],
      ['2026-06-30', 'law73-2025-07'],
      ['2026-07-01', 'law120-2026'],
    ]) {
      expect((await on(date as string)).json().id).toBe(id);
    }
  });

  it('lets the system administrator override an unconfirmed value only, audited, with optimistic locking', async () => {
    const url = '/api/rule-sets/law73-2022/rules/compulsory.adult_court_decision_deadline';
    const value = { kind: 'duration', amount: 7, unit: 'working_days' };
    const body = { value, citation: 'Hướng dẫn tạm thời của tỉnh (thử nghiệm)' };
    expect((await call(t.app, as('police'), 'PUT', url, body)).statusCode).toBe(403);

    const confirmed = await call(
      t.app,
      as('admin'),
      'PUT',
      '/api/rule-sets/law73-2022/rules/illegal_user.decision_deadline',
      body,
    );
    expect([confirmed.statusCode, confirmed.json().code]).toEqual([409, 'RULE_CONFIRMED']);
    expect((await call(t.app, as('admin'), 'PUT', '/api/rule-sets/law99-2030/rules/x.y', body)).json().code).toBe(
      'RULE_SET_NOT_FOUND',
    );
    expect((await call(t.app, as('admin'), 'PUT', '/api/rule-sets/law73-2022/rules/khong.co', body)).json().code).toBe(
      'RULE_NOT_FOUND',
    );
    // The value must have the rule's kind (a duration stays a duration).
    const wrongKind = await call(t.app, as('admin'), 'PUT', '/api/rule-sets/law120-2026/rules/voluntary_rehab.duration', {
      ...body,
      value: { kind: 'count', value: 3 },
    });
    expect([wrongKind.statusCode, wrongKind.json().issues[0].path]).toEqual([400, ['body', 'value']]);
    expect((await call(t.app, as('admin'), 'PUT', url, { ...body, value: { ...value, extra: 1 } })).statusCode).toBe(400);
    expect((await call(t.app, as('admin'), 'PUT', url, { ...body, version: 1 })).json().code).toBe('VERSION_CONFLICT');

    const created = await call(t.app, as('admin'), 'PUT', url, body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      value,
      defaultValue: null,
      confirmed: false,
      override: { ruleSetId: 'law73-2022', version: 1 },
    });
    expect((await call(t.app, as('admin'), 'PUT', url, body)).json().code).toBe('VERSION_CONFLICT');
    const updated = await call(t.app, as('admin'), 'PUT', url, { ...body, value: { ...value, amount: 10 }, version: 1 });
    expect(updated.json()).toMatchObject({ value: { amount: 10 }, override: { version: 2 } });
    expect(await auditCount(t, 'rule.override', 'law73-2022/compulsory.adult_court_decision_deadline')).toBe(2);

    // Shown as an override, still unconfirmed, in every version that inherits the rule.
    const later = (await call(t.app, as('police'), 'GET', '/api/rule-sets/on/2026-07-01')).json();
    expect(ruleIn(later, 'compulsory.adult_court_decision_deadline')).toMatchObject({
      value: { amount: 10 },
      confirmed: false,
      override: { ruleSetId: 'law73-2022', version: 2 },
    });
    const inForce = await t.database.db
      .transaction()
      .execute((trx) => ruleInForce(trx, 'compulsory.adult_court_decision_deadline', '2025-08-01'));
    expect(inForce).toMatchObject({ ruleSetId: 'law73-2025-07', value: { amount: 10 } });
    expect(ruleOn('compulsory.adult_court_decision_deadline', '2025-08-01')?.value).toBeNull();
  });

  it('refuses a write outside the service: row-level security lets only the administrator write', async () => {
    const insert = (roles: ('commune_officer' | 'system_admin')[]) =>
      inScope(t.database.db, { kind: 'user', userId: UNKNOWN_USER, roles, unitPath: '01', agency: 'CA_TINH' }, (trx) =>
        trx
          .insertInto('rule_override')
          .values({
            rule_set_id: 'law73-2025-03',
            rule_key: 'determination.time_limit',
            value: JSON.stringify({ kind: 'duration', amount: 30, unit: 'days' }),
            citation: 'Kiểm thử chính sách bảo mật hàng',
            updated_at: new Date(),
            updated_by: null,
          })
          .execute(),
      ).then(
        () => 'written',
        (error: { code?: string }) => error.code,
      );
    expect(await insert(['commune_officer'])).toBe('42501');
    expect(await insert(['system_admin'])).toBe('written');
  });
});
