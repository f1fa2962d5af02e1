import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Envelope, Keyring } from '../src/server/platform/envelope';
import { rotateKeys } from '../src/server/platform/key-rotation';
import { call, firstLogin, makeUser, TestClock } from './support/auth';
import { createTestApp, type TestApp } from './support/test-app';

const clock = new TestClock();
let t: TestApp;
let dir = '';
let envelope: Envelope;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pcmt-rotate-'));
  envelope = new Envelope(Keyring.open(path.join(dir, 'keyring.json')), randomBytes(32));
  t = await createTestApp({ clock: clock.read, envelope });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

it('re-wraps every data key under a new key, retires the old one, and every record still reads', async () => {
  const { password } = await makeUser(t, {
    username: 'rot.officer',
    unitCode: '00004',
    agencyCode: 'CA_XA',
    roles: ['commune_officer'],
  });
  const officer = await firstLogin(t, clock, 'rot.officer', password);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const created = await call(t.app, officer, 'POST', '/api/persons', {
      fullName: `Người Xoay Khóa ${['Một', 'Hai', 'Ba'][i]}`,
      birthYear: 1980 + i * 7,
      sex: 'male',
      phone: `09000000${10 + i}`,
      currentResidence: { unitCode: '00004' },
      hasStableResidence: true,
      confirmNotDuplicate: true,
    });
    ids.push(created.json().id);
  }
  const before = await sql<{ kek: string }>`SELECT DISTINCT split_part(data_key, '.', 1) AS kek FROM person`.execute(
    t.database.db,
  );
  expect(before.rows.map((r) => r.kek)).toEqual(['k1']);
  const result = await rotateKeys(t.database.db, envelope);
  expect(result).toMatchObject({ active: 'k2', rewrapped: 3, retired: ['k1'], kept: ['k2'] });
  expect(JSON.parse(readFileSync(path.join(dir, 'keyring.json'), 'utf8')).keys).not.toHaveProperty('k1');
  const after = await sql<{ kek: string }>`SELECT DISTINCT split_part(data_key, '.', 1) AS kek FROM person`.execute(
    t.database.db,
  );
  expect(after.rows.map((r) => r.kek)).toEqual(['k2']);
  for (const [i, id] of ids.entries()) {
    const read = await call(t.app, officer, 'GET', `/api/persons/${id}`);
    expect(read.json().phone).toBe(`09000000${10 + i}`);
  }
});
