import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, TestClock, totp } from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
let badinh: Browser & { secret: string };
let ngocha: Browser & { secret: string };

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const make = async (username: string, unitCode: string) => {
    const { password } = await makeUser(t, { username, unitCode, agencyCode: 'CA_XA', roles: ['commune_officer'] });
    return firstLogin(t, clock, username, password);
  };
  badinh = await make('x.badinh', '00004');
  ngocha = await make('x.ngocha', '00008');
  const register = (browser: Browser, fullName: string, unitCode: string, personalId?: string) =>
    call(t.app, browser, 'POST', '/api/persons', {
      fullName,
      birthYear: 1988,
      sex: 'male',
      ...(personalId ? { personalId } : {}),
      currentResidence: { unitCode, address: 'Ngõ Giả Định' },
      hasStableResidence: true,
      familyContacts: [],
    });
  expect((await register(badinh, 'Phạm Văn Xuất', '00004', '001088000111')).statusCode).toBe(201);
  expect((await register(badinh, 'Lê Văn Bản', '00004')).statusCode).toBe(201);
  expect((await register(ngocha, 'Phạm Văn Khác', '00008')).statusCode).toBe(201);
}, 120_000);
afterAll(() => t.close());

async function readSheet(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

describe('exporting the registry to xlsx', () => {
  it('asks for the TOTP code again first', async () => {
    const refused = await call(t.app, badinh, 'POST', '/api/persons/export', { q: '' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');
  });

  it('exports only the officer’s scope, ID numbers as text, and audits every id in the same transaction', async () => {
    clock.advance(31_000);
    const stepUp = await call(t.app, badinh, 'POST', '/api/auth/step-up', { code: await totp(badinh.secret, clock) });
    expect(stepUp.statusCode).toBe(200);
    const response = await call(t.app, badinh, 'POST', '/api/persons/export', { q: 'pham' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="danh-sach-doi-tuong-2026-06-15\.xlsx"/);
    const rows = await readSheet(response.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['STT', 'Họ và tên', 'Tên gọi khác']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Phạm Văn Xuất']);
    expect(rows[1]).toContain('001088000111');
    expect(rows[1]).toContain('Ngõ Giả Định, Phường Ba Đình');
    expect(response.body).not.toContain('Phạm Văn Khác');

    const audited = await sql<{ record_id: string }>`
      SELECT record_id FROM audit_event WHERE action = 'person.export' ORDER BY seq`.execute(t.database.db);
    const ids = await sql<{ id: string }>`SELECT id FROM person WHERE full_name = 'Phạm Văn Xuất'`.execute(t.database.db);
    expect(audited.rows.map((r) => r.record_id)).toEqual(ids.rows.map((r) => r.id));
    const file = await sql<{ details: { count: number } }>`
      SELECT details FROM audit_event WHERE action = 'person.export_file'`.execute(t.database.db);
    expect(file.rows.map((r) => r.details.count)).toEqual([1]);
  });

  it('expires the step-up after five minutes', async () => {
    clock.advance(5 * 60_000 + 1_000);
    expect((await call(t.app, badinh, 'POST', '/api/persons/export', { q: '' })).statusCode).toBe(403);
    expect((await call(t.app, ngocha, 'POST', '/api/persons/export', { q: '' })).statusCode).toBe(403);
  });
});
