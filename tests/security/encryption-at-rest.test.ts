import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, firstLogin, makeUser, sendFile, TestClock } from '../support/auth';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * SECURITY-RELIABILITY.md S10: sensitive fields never reach the database in clear. Canary values
 * go in through the API; then the whole database is read as an attacker with a backup would:
 * `pg_dump` on PostgreSQL, the raw data directory on PGlite.
 */
const CANARIES = {
  personalId: '001089998877',
  phone: '0911222333',
  address: 'CANARYDIACHI-7731',
  family: 'CANARYGIADINH-5512',
  note: 'CANARYGHICHU-9043',
  attachmentName: 'CANARYTENTEP-2208',
  attachmentBytes: 'CANARYNOIDUNG-6619',
  transferReason: 'CANARYLYDO-4471',
};
const clock = new TestClock();
let t: TestApp;
let personId = '';

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const { password } = await makeUser(t, {
    username: 'enc.officer',
    unitCode: '00004',
    agencyCode: 'CA_XA',
    roles: ['commune_officer'],
  });
  const officer = await firstLogin(t, clock, 'enc.officer', password);
  const created = await call(t.app, officer, 'POST', '/api/persons', {
    fullName: 'Hoàng Văn Mẫu Thử',
    birthYear: 1989,
    sex: 'male',
    personalId: CANARIES.personalId,
    phone: CANARIES.phone,
    currentResidence: { unitCode: '00004', address: CANARIES.address },
    hasStableResidence: true,
    familyContacts: [{ relation: 'Vợ', name: CANARIES.family }],
  });
  expect(created.statusCode).toBe(201);
  personId = created.json().id;
  expect((await call(t.app, officer, 'POST', `/api/persons/${personId}/notes`, { text: CANARIES.note })).statusCode).toBe(201);
  const attached = await sendFile(
    t.app,
    officer,
    `/api/persons/${personId}/attachments?kind=document&name=${CANARIES.attachmentName}.pdf`,
    Buffer.from(`%PDF-1.4 ${CANARIES.attachmentBytes}`),
    'application/pdf',
  );
  expect(attached.statusCode).toBe(201);
  const transfer = await call(t.app, officer, 'POST', `/api/persons/${personId}/transfers`, {
    toUnitCode: '00008',
    reason: CANARIES.transferReason,
  });
  expect(transfer.statusCode).toBe(201);
  // The API still gives every value back to the officer.
  const read = (await call(t.app, officer, 'GET', `/api/persons/${personId}`)).json();
  expect(read).toMatchObject({ personalId: CANARIES.personalId, phone: CANARIES.phone });
}, 120_000);
afterAll(() => t.close());

it('keeps every canary out of a full database dump, while the dump does hold the record', async () => {
  let dump: string;
  if (t.database.mode === 'server') {
    const result = spawnSync('pg_dump', ['--no-owner', '--data-only', t.database.url ?? ''], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(result.status, result.stderr).toBe(0);
    dump = result.stdout;
  } else {
    const pglite = t.database.pglite;
    if (!pglite) throw new Error('no PGlite instance');
    await sql`CHECKPOINT`.execute(t.database.db);
    dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()).toString('latin1');
    // Raw pages store UTF-8; the canaries are ASCII, so a latin1 view finds them byte for byte.
  }
  expect(dump).toContain(
    t.database.mode === 'server' ? 'Hoàng Văn Mẫu Thử' : Buffer.from('Hoàng Văn Mẫu Thử').toString('latin1'),
  );
  for (const [field, canary] of Object.entries(CANARIES)) {
    expect(dump.includes(canary), `${field} in clear`).toBe(false);
    // pg_dump writes bytea (attachment contents) as hex.
    expect(dump.includes(Buffer.from(canary).toString('hex')), `${field} in clear, as hex`).toBe(false);
  }
});

it('fails closed when a ciphertext is moved to another record', async () => {
  const { password } = await makeUser(t, {
    username: 'enc.second',
    unitCode: '00004',
    agencyCode: 'CA_XA',
    roles: ['commune_officer'],
  });
  const officer = await firstLogin(t, clock, 'enc.second', password);
  const other = await call(t.app, officer, 'POST', '/api/persons', {
    fullName: 'Lý Thị Khác',
    birthYear: 1992,
    sex: 'female',
    currentResidence: { unitCode: '00004' },
    hasStableResidence: true,
    confirmNotDuplicate: true,
  });
  const otherId = other.json().id;
  await sql`UPDATE person SET phone_enc = (SELECT phone_enc FROM person WHERE id = ${personId}) WHERE id = ${otherId}`.execute(
    t.database.db,
  );
  const moved = await call(t.app, officer, 'GET', `/api/persons/${otherId}`);
  expect(moved.statusCode).toBe(500);
  expect(moved.json().code).toBe('INTERNAL');
  expect(moved.body).not.toContain(CANARIES.phone);
});
