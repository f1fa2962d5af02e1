import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, sendFile, TestClock } from '../../../../tests/support/auth';
import { auditCount as countAudit, createTestApp, type TestApp } from '../../../../tests/support/test-app';

/** Merging two files of one person, and undoing it (fake people only). */
const DOCUMENT = Buffer.from('%PDF-1.4 biên bản giả lập');
const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
let commune79 = '';
const officers: Record<string, Browser> = {};

type Role = 'commune_officer' | 'provincial_officer' | 'provincial_lead';
const SPECS: { key: string; unit: () => string; agency: string; role: Role }[] = [
  { key: 'badinh', unit: () => '00004', agency: 'CA_XA', role: 'commune_officer' },
  { key: 'ngocha', unit: () => '00008', agency: 'CA_XA', role: 'commune_officer' },
  { key: 'pc04', unit: () => '01', agency: 'PC04', role: 'provincial_officer' },
  { key: 'health', unit: () => '01', agency: 'SO_Y_TE', role: 'provincial_officer' },
  { key: 'lead', unit: () => '01', agency: 'UBND_TINH', role: 'provincial_lead' },
  { key: 'hcm', unit: () => commune79, agency: 'CA_XA', role: 'commune_officer' },
];

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const { rows } = await sql<{ code: string }>`
    SELECT code FROM admin_unit WHERE parent_code = '79' AND valid_to IS NULL ORDER BY code LIMIT 1`.execute(t.database.db);
  commune79 = rows[0]?.code ?? '';
  for (const spec of SPECS) {
    const username = `mg.${spec.key}`;
    const { password } = await makeUser(t, { username, unitCode: spec.unit(), agencyCode: spec.agency, roles: [spec.role] });
    officers[spec.key] = await firstLogin(t, clock, username, password);
  }
}, 180_000);
afterAll(() => t.close());

const as = (key: string) => {
  const browser = officers[key];
  if (!browser) throw new Error(key);
  return browser;
};
const send = (key: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
  clock.advance(1000); // timeline events are ordered by time
  return call(t.app, as(key), method, url, body);
};

interface Created {
  id: string;
  version: number;
}
async function register(key: string, unitCode: string, fullName: string): Promise<Created> {
  const response = await send(key, 'POST', '/api/persons', {
    fullName,
    birthYear: 1992,
    sex: 'female',
    currentResidence: { unitCode, address: 'Nhà thử nghiệm' },
    hasStableResidence: true,
    confirmNotDuplicate: true,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const version = async (key: string, id: string) => (await send(key, 'GET', `/api/persons/${id}`)).json().version as number;
const ids = async (key: string, url: string) =>
  ((await send(key, 'GET', url)).json().items as { id: string }[]).map((item) => item.id).sort();
const auditCount = (action: string, recordId: string) => countAudit(t, action, recordId);

describe('merging two files of one person', () => {
  let kept: Created;
  let duplicate: Created;
  let mergeId = '';
  const before: Record<string, string[]> = {};

  beforeAll(async () => {
    kept = await register('badinh', '00004', 'Hoàng Thị Gộp');
    duplicate = await register('ngocha', '00008', 'Hoang Thi Gop');
    for (const [key, person, text] of [
      ['badinh', kept, 'Ghi chú của hồ sơ giữ lại'],
      ['ngocha', duplicate, 'Ghi chú thứ nhất của hồ sơ trùng'],
      ['ngocha', duplicate, 'Ghi chú thứ hai của hồ sơ trùng'],
    ] as const) {
      expect((await send(key, 'POST', `/api/persons/${person.id}/notes`, { text })).statusCode).toBe(201);
    }
    // A document of the duplicate: its encrypted bytes and name move too.
    const uploaded = await sendFile(
      t.app,
      as('ngocha'),
      `/api/persons/${duplicate.id}/attachments?kind=document&name=${encodeURIComponent('Biên bản thử.pdf')}`,
      DOCUMENT,
      'application/pdf',
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    // A closed transfer of the duplicate: its sealed reason must stay readable wherever it goes.
    const transfer = await send('ngocha', 'POST', `/api/persons/${duplicate.id}/transfers`, {
      toUnitCode: '00004',
      reason: 'Chuyển thử rồi hủy',
    });
    expect((await send('ngocha', 'POST', `/api/person-transfers/${transfer.json().id}/cancel`, {})).statusCode).toBe(200);
    for (const [name, person] of [
      ['kept', kept],
      ['duplicate', duplicate],
    ] as const) {
      before[`${name}.events`] = await ids('pc04', `/api/persons/${person.id}/timeline`);
      before[`${name}.notes`] = await ids('pc04', `/api/persons/${person.id}/notes`);
      before[`${name}.transfers`] = await ids('pc04', `/api/persons/${person.id}/transfers`);
      before[`${name}.attachments`] = await ids('pc04', `/api/persons/${person.id}/attachments`);
    }
    expect(before['duplicate.events']).toHaveLength(6); // opened, 2 notes, a document, transfer requested and cancelled
  });

  const merge = (key: string, keptId: string, body: Record<string, unknown>) =>
    send(key, 'POST', `/api/persons/${keptId}/merge`, { reason: 'Cùng một người, đăng ký hai lần', ...body });

  it('is refused to commune officers and to agencies without write access, and with itself', async () => {
    const body = { duplicateId: duplicate.id, version: 3, duplicateVersion: 5 };
    for (const key of ['badinh', 'lead', 'health']) expect((await merge(key, kept.id, body)).statusCode, key).toBe(403);
    const self = await merge('pc04', kept.id, { ...body, duplicateId: kept.id });
    expect([self.statusCode, self.json().issues[0].path]).toEqual([400, ['body', 'duplicateId']]);
  });

  it('refuses stale versions and files outside the area', async () => {
    const keptVersion = await version('pc04', kept.id);
    const stale = await merge('pc04', kept.id, { duplicateId: duplicate.id, version: keptVersion, duplicateVersion: 99 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);
    const far = await register('hcm', commune79, 'Người Ở Xa Thử');
    const outside = await merge('pc04', kept.id, { duplicateId: far.id, version: keptVersion, duplicateVersion: 1 });
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'PERSON_NOT_FOUND']);
    const unknown = await merge('pc04', kept.id, {
      duplicateId: '00000000-0000-4000-8000-000000000000',
      version: keptVersion,
      duplicateVersion: 1,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses while a transfer is pending', async () => {
    const moving = await register('badinh', '00004', 'Người Đang Chuyển Thử');
    const other = await register('badinh', '00004', 'Người Khác Thử');
    expect(
      (await send('badinh', 'POST', `/api/persons/${moving.id}/transfers`, { toUnitCode: '00008', reason: 'Chuyển đi thử' }))
        .statusCode,
    ).toBe(201);
    const refused = await merge('pc04', other.id, { duplicateId: moving.id, version: 1, duplicateVersion: 1 });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'PERSON_TRANSFER_PENDING']);
  });

  it('moves every linked row of the duplicate to the kept file and hides the duplicate', async () => {
    const response = await merge('pc04', kept.id, {
      duplicateId: duplicate.id,
      version: await version('pc04', kept.id),
      duplicateVersion: await version('pc04', duplicate.id),
    });
    expect(response.statusCode, response.body).toBe(201);
    const merged = response.json();
    mergeId = merged.id;
    expect(merged).toMatchObject({
      keptPersonId: kept.id,
      duplicatePersonId: duplicate.id,
      duplicate: { fullName: 'Hoang Thi Gop', birthYear: 1992 },
      reason: 'Cùng một người, đăng ký hai lần',
      undoneAt: null,
      moved: { person_event: 6, person_note: 2, person_attachment: 1, person_transfer: 1 },
    });

    const events = await ids('pc04', `/api/persons/${kept.id}/timeline`);
    expect(events).toEqual(expect.arrayContaining([...(before['kept.events'] ?? []), ...(before['duplicate.events'] ?? [])]));
    expect(events).toHaveLength((before['kept.events']?.length ?? 0) + (before['duplicate.events']?.length ?? 0) + 1);
    expect(await ids('pc04', `/api/persons/${kept.id}/notes`)).toEqual(
      [...(before['kept.notes'] ?? []), ...(before['duplicate.notes'] ?? [])].sort(),
    );
    // Sealed again under the kept file's key: still readable there.
    const notes = (await send('badinh', 'GET', `/api/persons/${kept.id}/notes`))
      .json()
      .items.map((n: { text: string }) => n.text);
    expect(notes).toEqual(expect.arrayContaining(['Ghi chú thứ nhất của hồ sơ trùng', 'Ghi chú của hồ sơ giữ lại']));
    const [attachment] = (await send('badinh', 'GET', `/api/persons/${kept.id}/attachments`)).json().items;
    expect(attachment).toMatchObject({ fileName: 'Biên bản thử.pdf' });
    const bytes = (await send('badinh', 'GET', `/api/persons/${kept.id}/attachments/${attachment.id}`)).rawPayload;
    expect(bytes.equals(DOCUMENT)).toBe(true);
    const transfers = (await send('badinh', 'GET', `/api/persons/${kept.id}/transfers`)).json().items;
    expect(transfers).toMatchObject([{ reason: 'Chuyển thử rồi hủy', status: 'cancelled' }]);
    const timeline = (await send('badinh', 'GET', `/api/persons/${kept.id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({ kind: 'merge_absorbed' });

    for (const key of ['pc04', 'ngocha']) {
      expect((await send(key, 'GET', `/api/persons/${duplicate.id}`)).statusCode, key).toBe(404);
    }
    const search = (await send('pc04', 'POST', '/api/persons/search', { q: 'hoang thi gop' })).json();
    expect(search.items.map((p: { id: string }) => p.id)).toEqual([kept.id]);
    const kept2 = (await send('pc04', 'GET', `/api/persons/${kept.id}`)).json();
    expect(kept2).toMatchObject({ fullName: 'Hoàng Thị Gộp', managingUnit: { code: '00004' } });

    expect(await auditCount('person.merge', kept.id)).toBe(1);
    expect(await auditCount('person.merged_into', duplicate.id)).toBe(1);
    const listed = (await send('lead', 'GET', `/api/persons/${kept.id}/merges`)).json();
    expect(listed.items).toMatchObject([{ id: mergeId, undoneAt: null, moved: { person_note: 2 } }]);
  });

  it('refuses to merge an already merged file', async () => {
    const third = await register('badinh', '00004', 'Hoàng Thị Ba');
    const again = await merge('pc04', third.id, { duplicateId: duplicate.id, version: 1, duplicateVersion: 99 });
    expect([again.statusCode, again.json().code]).toEqual([409, 'PERSON_ALREADY_MERGED']);
  });

  it('is undone exactly: the moved rows return, the duplicate reopens, and undoing twice is refused', async () => {
    expect((await send('badinh', 'POST', `/api/person-merges/${mergeId}/undo`, {})).statusCode).toBe(403);
    expect((await send('pc04', 'POST', '/api/person-merges/00000000-0000-4000-8000-000000000000/undo', {})).statusCode).toBe(404);
    const undone = await send('pc04', 'POST', `/api/person-merges/${mergeId}/undo`, { reason: 'Gộp nhầm' });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({
      id: mergeId,
      undoneBy: 'mg.pc04',
      moved: { person_event: 6, person_note: 2, person_attachment: 1 },
    });

    expect((await send('ngocha', 'GET', `/api/persons/${duplicate.id}`)).json()).toMatchObject({ fullName: 'Hoang Thi Gop' });
    for (const [name, person] of [
      ['kept', kept],
      ['duplicate', duplicate],
    ] as const) {
      expect(await ids('pc04', `/api/persons/${person.id}/notes`), name).toEqual(before[`${name}.notes`]);
      expect(await ids('pc04', `/api/persons/${person.id}/transfers`), name).toEqual(before[`${name}.transfers`]);
      expect(await ids('pc04', `/api/persons/${person.id}/attachments`), name).toEqual(before[`${name}.attachments`]);
      const events = (await send('pc04', 'GET', `/api/persons/${person.id}/timeline`)).json().items as {
        id: string;
        kind: string;
      }[];
      // The original history, plus what the merge and its undo wrote on this file.
      expect(
        events
          .filter((e) => !['merge_absorbed', 'merged_into', 'merge_undone'].includes(e.kind))
          .map((e) => e.id)
          .sort(),
        name,
      ).toEqual(before[`${name}.events`]);
      expect(events[0]?.kind).toBe('merge_undone');
    }
    const notes = (await send('ngocha', 'GET', `/api/persons/${duplicate.id}/notes`))
      .json()
      .items.map((n: { text: string }) => n.text);
    expect(notes.sort()).toEqual(['Ghi chú thứ hai của hồ sơ trùng', 'Ghi chú thứ nhất của hồ sơ trùng']);
    const search = (await send('pc04', 'POST', '/api/persons/search', { q: 'hoang thi gop' })).json();
    expect(search.items.map((p: { id: string }) => p.id).sort()).toEqual([kept.id, duplicate.id].sort());

    const twice = await send('pc04', 'POST', `/api/person-merges/${mergeId}/undo`, {});
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'PERSON_MERGE_UNDONE']);
    expect(await auditCount('person.merge_undo', kept.id)).toBe(1);
    expect(await auditCount('person.merge_undo', duplicate.id)).toBe(1);
  });
});
