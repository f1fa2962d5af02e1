import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  call,
  firstLogin,
  login,
  makeUser,
  NEW_PASSWORD,
  sendFile,
  TestClock,
} from '../../../../tests/support/auth';
import { auditCount as countAudit, createTestApp, type TestApp } from '../../../../tests/support/test-app';

/** Residence transfers between communes and the work queue (fake people only). */
const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
let commune79 = '';
const officers: Record<string, Browser & { username: string; secret: string }> = {};

type Role = 'commune_officer' | 'provincial_officer' | 'provincial_lead' | 'system_admin';
const SPECS: { key: string; unit: () => string; agency: string; role: Role }[] = [
  { key: 'badinh', unit: () => '00004', agency: 'CA_XA', role: 'commune_officer' },
  { key: 'ngocha', unit: () => '00008', agency: 'CA_XA', role: 'commune_officer' },
  { key: 'pcNgocha', unit: () => '00008', agency: 'UBND_XA', role: 'commune_officer' },
  { key: 'pc04', unit: () => '01', agency: 'PC04', role: 'provincial_officer' },
  { key: 'lead', unit: () => '01', agency: 'UBND_TINH', role: 'provincial_lead' },
  { key: 'hcm', unit: () => commune79, agency: 'CA_XA', role: 'commune_officer' },
  { key: 'admin', unit: () => '01', agency: 'CA_TINH', role: 'system_admin' },
];

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const { rows } = await sql<{ code: string }>`
    SELECT code FROM admin_unit WHERE parent_code = '79' AND valid_to IS NULL ORDER BY code LIMIT 1`.execute(t.database.db);
  commune79 = rows[0]?.code ?? '';
  for (const spec of SPECS) {
    const username = `tr.${spec.key.toLowerCase()}`;
    const { password } = await makeUser(t, { username, unitCode: spec.unit(), agencyCode: spec.agency, roles: [spec.role] });
    officers[spec.key] = { ...(await firstLogin(t, clock, username, password)), username };
  }
}, 180_000);
afterAll(() => t.close());

const as = (key: string) => {
  const browser = officers[key];
  if (!browser) throw new Error(key);
  return browser;
};

/** Sessions end after 12 hours: after moving the clock by days, everyone logs in again. */
async function loginAgain() {
  for (const [key, officer] of Object.entries(officers)) {
    const fresh = await login(t, clock, officer.username, NEW_PASSWORD, officer.secret);
    officers[key] = { ...officer, ...fresh };
  }
}

let serial = 0;
async function register(overrides: Record<string, unknown> = {}) {
  serial++;
  const response = await call(t.app, as('badinh'), 'POST', '/api/persons', {
    fullName: `Người Chuyển Thử ${String.fromCharCode(64 + serial)}`,
    birthYear: 1988,
    sex: 'male',
    currentResidence: { unitCode: '00004', address: 'Số 2 phố Thử Nghiệm' },
    hasStableResidence: true,
    confirmNotDuplicate: true,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  clock.advance(1000); // timeline events are ordered by time
  return response.json() as { id: string; version: number; fullName: string };
}

const requestTransfer = (key: string, personId: string, body: Record<string, unknown>) => {
  clock.advance(1000);
  return call(t.app, as(key), 'POST', `/api/persons/${personId}/transfers`, body);
};
const decide = (key: string, transferId: string, action: 'accept' | 'reject' | 'cancel', body: Record<string, unknown> = {}) => {
  clock.advance(1000);
  return call(t.app, as(key), 'POST', `/api/person-transfers/${transferId}/${action}`, body);
};
const queue = async (key: string) => {
  const response = await call(t.app, as(key), 'GET', '/api/work-queue');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    today: string;
    items: { transferId: string; personId: string; direction: string; overdue: boolean; dueDate: string; fullName: string }[];
  };
};
const status = async (key: string, url: string) => (await call(t.app, as(key), 'GET', url)).statusCode;
const auditCount = (action: string, recordId: string) => countAudit(t, action, recordId);

describe('a transfer to another commune', () => {
  let person: { id: string; version: number; fullName: string };
  let transferId = '';

  it('is requested by the sending commune, with a due date from the setting, and refused twice (409)', async () => {
    person = await register();
    const response = await requestTransfer('badinh', person.id, {
      toUnitCode: '00008',
      address: 'Số 9 ngõ Nơi Mới',
      reason: 'Chuyển đến sống cùng gia đình (dữ liệu thử)',
    });
    expect(response.statusCode, response.body).toBe(201);
    const transfer = response.json();
    transferId = transfer.id;
    expect(transfer).toMatchObject({
      status: 'pending',
      fromUnit: { code: '00004' },
      toUnit: { code: '00008' },
      address: 'Số 9 ngõ Nơi Mới',
      reason: 'Chuyển đến sống cùng gia đình (dữ liệu thử)',
      // The default deadline: 3 calendar days, unconfirmed (migration 0009).
      dueDate: '2026-06-18',
      overdue: false,
      actions: { accept: false, reject: false, cancel: true },
    });
    const again = await requestTransfer('badinh', person.id, { toUnitCode: '00008', reason: 'Yêu cầu thứ hai, trùng lặp' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'PERSON_TRANSFER_PENDING']);
    expect(await auditCount('person.transfer_request', person.id)).toBe(1);
  });

  it('opens the file, its timeline and notes to the receiving commune, which cannot edit it yet', async () => {
    for (const key of ['ngocha', 'pcNgocha', 'badinh', 'pc04', 'lead']) {
      for (const part of ['', '/timeline', '/notes', '/transfers']) {
        expect(await status(key, `/api/persons/${person.id}${part}`), `${key} ${part}`).toBe(200);
      }
    }
    expect(await status('hcm', `/api/persons/${person.id}`)).toBe(404);
    const timeline = (await call(t.app, as('ngocha'), 'GET', `/api/persons/${person.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'transfer_requested',
      summary: 'Đề nghị chuyển nơi cư trú đến Phường Ngọc Hà, hạn tiếp nhận 18/06/2026',
    });
    const seen = (await call(t.app, as('ngocha'), 'GET', `/api/persons/${person.id}/transfers`)).json();
    expect(seen.items[0].actions).toEqual({ accept: true, reject: true, cancel: false });

    const edit = await call(t.app, as('ngocha'), 'PUT', `/api/persons/${person.id}`, {
      fullName: 'Sửa trước khi tiếp nhận',
      birthYear: 1988,
      sex: 'male',
      currentResidence: { unitCode: '00008' },
      hasStableResidence: true,
      version: person.version,
    });
    expect(edit.statusCode).toBe(404);
    const note = await call(t.app, as('ngocha'), 'POST', `/api/persons/${person.id}/notes`, { text: 'Ghi chú trước khi nhận' });
    expect(note.statusCode).toBe(404);
    const attachment = await sendFile(
      t.app,
      as('ngocha'),
      `/api/persons/${person.id}/attachments?kind=document&name=truoc-khi-nhan.pdf`,
      Buffer.from('%PDF-1.4 tệp thử'),
      'application/pdf',
    );
    expect(attachment.statusCode).toBe(404);
    expect(await status('ngocha', `/api/persons/${person.id}/attachments`)).toBe(200);
    const again = await requestTransfer('ngocha', person.id, { toUnitCode: '00004', reason: 'Chuyển ngược lại thử' });
    expect(again.statusCode).toBe(404);
    const current = (await call(t.app, as('badinh'), 'GET', `/api/persons/${person.id}`)).json();
    expect(current).toMatchObject({ fullName: person.fullName, version: person.version, managingUnit: { code: '00004' } });
    expect((await call(t.app, as('badinh'), 'GET', `/api/persons/${person.id}/notes`)).json().items).toEqual([]);
  });

  it('can be accepted only by the receiving side and cancelled only by the sending side', async () => {
    expect((await decide('badinh', transferId, 'accept')).statusCode).toBe(403);
    expect((await decide('ngocha', transferId, 'cancel')).statusCode).toBe(403);
    expect((await decide('pcNgocha', transferId, 'accept')).statusCode).toBe(403);
    expect((await decide('hcm', transferId, 'reject')).statusCode).toBe(404);
  });

  it('appears on both work queues, and as overdue on both once the deadline has passed', async () => {
    const incoming = (await queue('ngocha')).items.find((i) => i.transferId === transferId);
    expect(incoming).toMatchObject({ direction: 'incoming', personId: person.id, overdue: false, dueDate: '2026-06-18' });
    expect((await queue('badinh')).items.find((i) => i.transferId === transferId)).toMatchObject({ direction: 'outgoing' });
    expect((await queue('pc04')).items.find((i) => i.transferId === transferId)).toMatchObject({ direction: 'internal' });
    expect((await queue('hcm')).items).toEqual([]);
    expect((await queue('admin')).items).toEqual([]);

    clock.advance(3 * 24 * 3600_000); // 18/06: the last day, not yet overdue
    await loginAgain();
    expect((await queue('ngocha')).items.find((i) => i.transferId === transferId)?.overdue).toBe(false);
    clock.advance(24 * 3600_000); // 19/06
    await loginAgain();
    for (const key of ['ngocha', 'badinh', 'pc04', 'lead']) {
      const view = await queue(key);
      expect(view.today).toBe('2026-06-19');
      expect(view.items.find((i) => i.transferId === transferId)?.overdue, key).toBe(true);
    }
    expect(await auditCount('person.work_queue', person.id)).toBeGreaterThanOrEqual(7);
  });

  it('moves the file on acceptance: the receiving commune alone sees it, with the new residence', async () => {
    const accepted = await decide('ngocha', transferId, 'accept', { note: 'Đã xác minh nơi ở mới' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', note: 'Đã xác minh nơi ở mới', decidedBy: 'tr.ngocha' });
    const moved = (await call(t.app, as('ngocha'), 'GET', `/api/persons/${person.id}`)).json();
    expect(moved).toMatchObject({
      managingUnit: { code: '00008' },
      currentResidence: { unit: { code: '00008' }, address: 'Số 9 ngõ Nơi Mới' },
      version: person.version + 1,
    });
    for (const part of ['', '/timeline', '/notes', '/transfers']) {
      expect(await status('badinh', `/api/persons/${person.id}${part}`), part).toBe(404);
    }
    const kinds = (await call(t.app, as('ngocha'), 'GET', `/api/persons/${person.id}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['transfer_accepted', 'transfer_requested', 'file_opened']);
    expect((await queue('ngocha')).items.some((i) => i.transferId === transferId)).toBe(false);
    expect((await queue('badinh')).items.some((i) => i.transferId === transferId)).toBe(false);
    expect(await auditCount('person.transfer_accept', person.id)).toBe(1);
    // Now the receiving commune writes it.
    const note = await call(t.app, as('ngocha'), 'POST', `/api/persons/${person.id}/notes`, { text: 'Ghi chú sau khi nhận' });
    expect(note.statusCode).toBe(201);
    expect((await decide('ngocha', transferId, 'reject')).json().code).toBe('PERSON_TRANSFER_DECIDED');
  });

  it('leaves the file with the sending commune when rejected or cancelled', async () => {
    for (const [action, by] of [
      ['reject', 'ngocha'],
      ['cancel', 'badinh'],
    ] as const) {
      const other = await register();
      const requested = await requestTransfer('badinh', other.id, { toUnitCode: '00008', reason: `Thử ${action} yêu cầu` });
      expect(requested.statusCode).toBe(201);
      expect(await status('ngocha', `/api/persons/${other.id}`)).toBe(200);
      const decided = await decide(by, requested.json().id, action);
      expect([decided.statusCode, decided.json().status]).toEqual([200, action === 'reject' ? 'rejected' : 'cancelled']);
      expect(await status('ngocha', `/api/persons/${other.id}`), action).toBe(404);
      expect(await status('ngocha', `/api/persons/${other.id}/timeline`), action).toBe(404);
      const kept = (await call(t.app, as('badinh'), 'GET', `/api/persons/${other.id}`)).json();
      expect(kept.managingUnit.code).toBe('00004');
      const kinds = (await call(t.app, as('badinh'), 'GET', `/api/persons/${other.id}/timeline`))
        .json()
        .items.map((e: { kind: string }) => e.kind);
      expect(kinds[0]).toBe(action === 'reject' ? 'transfer_rejected' : 'transfer_cancelled');
      expect(await auditCount(`person.transfer_${action}`, other.id)).toBe(1);
    }
  });
});

describe('refused transfer requests', () => {
  it('needs a commune of the current hierarchy other than the managing one (400 on the field)', async () => {
    const person = await register();
    for (const [toUnitCode, message] of [
      ['01', 'Hãy chọn một xã, phường, đặc khu (không phải tỉnh).'],
      ['99999', 'Hãy chọn một xã, phường, đặc khu (không phải tỉnh).'],
      ['00004', 'Xã nơi đến phải khác xã đang quản lý hồ sơ.'],
    ]) {
      const response = await requestTransfer('badinh', person.id, { toUnitCode, reason: 'Lý do thử nghiệm' });
      expect(response.statusCode, toUnitCode).toBe(400);
      expect(response.json().issues).toEqual([{ path: ['body', 'toUnitCode'], message }]);
    }
  });

  it('is not for readers, nor for persons outside the area', async () => {
    const person = await register();
    expect((await requestTransfer('lead', person.id, { toUnitCode: '00008', reason: 'Lý do thử nghiệm' })).statusCode).toBe(403);
    expect((await requestTransfer('pcNgocha', person.id, { toUnitCode: '00008', reason: 'Lý do thử nghiệm' })).statusCode).toBe(
      403,
    );
    expect((await requestTransfer('hcm', person.id, { toUnitCode: commune79, reason: 'Lý do thử nghiệm' })).statusCode).toBe(404);
  });

  it('keeps minors from readers without the minors remit, also in the work queue', async () => {
    const minor = await register({ birthYear: 2012, birthDate: '2012-02-02' });
    const response = await requestTransfer('badinh', minor.id, { toUnitCode: '00008', reason: 'Chuyển theo gia đình' });
    expect(response.statusCode).toBe(201);
    expect((await queue('ngocha')).items.some((i) => i.personId === minor.id)).toBe(true);
    expect((await queue('pcNgocha')).items.some((i) => i.personId === minor.id)).toBe(true);
    expect((await queue('lead')).items.some((i) => i.personId === minor.id)).toBe(false);
    expect(await status('lead', `/api/persons/${minor.id}`)).toBe(404);
  });
});

describe('the acknowledgement deadline setting', () => {
  it('is read and changed by the administrator only, with its citation, and applies to new requests', async () => {
    const key = 'person_transfer.acknowledge_days';
    expect(await status('badinh', `/api/settings/${key}`)).toBe(403);
    const read = (await call(t.app, as('admin'), 'GET', `/api/settings/${key}`)).json();
    expect(read).toMatchObject({ value: { days: 3, dayKind: 'calendar' }, confirmed: false, version: 1 });
    expect(read.citation).toContain('120/2025/QH15');
    const list = (await call(t.app, as('admin'), 'GET', '/api/settings')).json();
    expect(list.items.map((s: { key: string }) => s.key)).toContain(key);
    expect(await status('admin', '/api/settings/khong.co')).toBe(404);

    const put = (body: Record<string, unknown>, who = 'admin') => call(t.app, as(who), 'PUT', `/api/settings/${key}`, body);
    const base = { citation: 'Quyết định thử nghiệm của tỉnh', confirmed: true, version: 1 };
    expect((await put({ ...base, value: { days: 5, dayKind: 'calendar' } }, 'pc04')).statusCode).toBe(403);
    const bad = await put({ ...base, value: { days: 0, dayKind: 'calendar' } });
    expect([bad.statusCode, bad.json().issues[0].path]).toEqual([400, ['body', 'value']]);
    const changed = await put({ ...base, value: { days: 5, dayKind: 'calendar' } });
    expect(changed.json()).toMatchObject({ value: { days: 5 }, confirmed: true, version: 2 });
    expect((await put({ ...base, value: { days: 6, dayKind: 'calendar' } })).json().code).toBe('VERSION_CONFLICT');
    expect(await auditCount('setting.update', key)).toBe(1);

    const person = await register();
    const response = await requestTransfer('badinh', person.id, { toUnitCode: '00008', reason: 'Theo hạn mới' });
    const today = (await queue('badinh')).today;
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 5);
    expect(response.json().dueDate).toBe(due.toISOString().slice(0, 10));
  });
});
