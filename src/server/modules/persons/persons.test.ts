import { randomUUID } from 'node:crypto';
import type { Role } from '@shared/permissions';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, TestClock } from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { inScope } from '../../platform/db-scope';

const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
const officers: Record<string, Browser> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const make = async (
    key: string,
    unitCode: string,
    agencyCode: string,
    role: 'commune_officer' | 'provincial_officer' | 'provincial_lead',
  ) => {
    const { password } = await makeUser(t, { username: `p.${key}`, unitCode, agencyCode, roles: [role] });
    officers[key] = await firstLogin(t, clock, `p.${key}`, password);
  };
  await make('badinh', '00004', 'CA_XA', 'commune_officer');
  await make('ngocha', '00008', 'CA_XA', 'commune_officer');
  await make('lead', '01', 'UBND_TINH', 'provincial_lead');
  await make('school', '01', 'SO_GD_DT', 'provincial_officer');
}, 120_000);
afterAll(() => t.close());

const officer = (key: string) => {
  const browser = officers[key];
  if (!browser) throw new Error(key);
  return browser;
};

function person(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Nguyễn Văn A',
    birthYear: 1989,
    birthDate: '1989-03-02',
    sex: 'male',
    personalId: '001089012345',
    currentResidence: { unitCode: '00004', address: 'Số 1 phố Thử Nghiệm' },
    hasStableResidence: true,
    phone: '0912345678',
    familyContacts: [{ relation: 'Mẹ', name: 'Trần Thị Mẫu', phone: '0987654321' }],
    ...overrides,
  };
}

const create = (browser: Browser, body: Record<string, unknown>) => call(t.app, browser, 'POST', '/api/persons', body);
const search = (browser: Browser, body: Record<string, unknown>) => call(t.app, browser, 'POST', '/api/persons/search', body);

describe('registering a person', () => {
  let id = '';
  it('opens a management file in the officer’s commune, with sensitive fields read back decrypted', async () => {
    const response = await create(officer('badinh'), person());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    id = body.id;
    expect(body).toMatchObject({
      fullName: 'Nguyễn Văn A',
      personalId: '001089012345',
      phone: '0912345678',
      minor: false,
      classification: 'NONE',
      version: 1,
      managingUnit: { code: '00004', fullName: 'Phường Ba Đình' },
      currentResidence: { address: 'Số 1 phố Thử Nghiệm', unit: { code: '00004' } },
      familyContacts: [{ relation: 'Mẹ', name: 'Trần Thị Mẫu', phone: '0987654321' }],
    });
    const timeline = await call(t.app, officer('badinh'), 'GET', `/api/persons/${id}/timeline`);
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).toEqual(['file_opened']);
  });

  it('says which part of a wrong ID number is wrong, and refuses impossible dates and non-commune units', async () => {
    const wrong = await create(officer('badinh'), person({ personalId: '001189012345', fullName: 'Lê Văn Bê' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues).toEqual([
      {
        path: ['body', 'personalId'],
        message: 'Số định danh: chữ số thứ 4 (thế kỷ và giới tính) không khớp với giới tính hoặc năm sinh.',
      },
    ]);
    const future = await create(
      officer('badinh'),
      person({ personalId: undefined, birthDate: '2027-01-01', birthYear: 2027, fullName: 'Lê Văn Bê' }),
    );
    expect(future.json().issues.map((i: { path: string[] }) => i.path.join('.'))).toContain('body.birthDate');
    const province = await create(
      officer('badinh'),
      person({ personalId: undefined, currentResidence: { unitCode: '01' }, fullName: 'Lê Văn Bê' }),
    );
    expect(province.json().issues).toEqual([
      { path: ['body', 'currentResidence', 'unitCode'], message: 'Hãy chọn một xã, phường, đặc khu (không phải tỉnh).' },
    ]);
  });

  it('refuses to register a person in another commune', async () => {
    const response = await create(
      officer('badinh'),
      person({ personalId: undefined, fullName: 'Phạm Văn Xa', currentResidence: { unitCode: '00008' } }),
    );
    expect(response.statusCode).toBe(403);
  });

  it('shows possible duplicates first: same ID number anywhere, or a similar name and birth year in the province', async () => {
    const sameId = await create(
      officer('ngocha'),
      person({ fullName: 'Nguyen Van An', currentResidence: { unitCode: '00008' } }),
    );
    expect(sameId.statusCode).toBe(409);
    expect(sameId.json()).toMatchObject({
      code: 'PERSON_POSSIBLE_DUPLICATE',
      candidates: [{ id, reason: 'same_id_number', managingUnit: { code: '00004' } }],
    });
    const similar = await create(
      officer('ngocha'),
      person({ personalId: undefined, fullName: 'Nguyễn Văn Á', currentResidence: { unitCode: '00008' } }),
    );
    expect(similar.json().candidates).toEqual([
      expect.objectContaining({ id, reason: 'similar_name', fullName: 'Nguyễn Văn A' }),
    ]);
    const confirmed = await create(
      officer('ngocha'),
      person({
        personalId: undefined,
        fullName: 'Nguyễn Văn Á',
        currentResidence: { unitCode: '00008' },
        confirmNotDuplicate: true,
      }),
    );
    expect(confirmed.statusCode).toBe(201);
  });

  it('refuses a stale edit with the current values, and records what changed', async () => {
    const current = (await call(t.app, officer('badinh'), 'GET', `/api/persons/${id}`)).json();
    const {
      id: _id,
      minor: _m,
      classification: _c,
      managingUnit: _mu,
      fileOpenedAt: _f,
      createdAt: _ca,
      updatedAt: _u,
      permanentResidence: _p,
      temporaryResidence: _t,
      currentResidence,
      familyContacts,
      ...rest
    } = current;
    const edit = (fields: Record<string, unknown>) =>
      call(t.app, officer('badinh'), 'PUT', `/api/persons/${id}`, {
        ...rest,
        ...Object.fromEntries(
          Object.entries(rest)
            .filter(([, v]) => v === null)
            .map(([k]) => [k, undefined]),
        ),
        currentResidence: { unitCode: currentResidence.unit.code, address: currentResidence.address },
        familyContacts: familyContacts.map((c: { relation: string; name: string; phone: string | null }) => ({
          relation: c.relation,
          name: c.name,
          ...(c.phone ? { phone: c.phone } : {}),
        })),
        ...fields,
      });
    clock.advance(60_000);
    const first = await edit({ occupation: 'Lái xe' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await edit({ occupation: 'Thợ mộc' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { occupation: 'Lái xe', version: 2 } });
    const timeline = await call(t.app, officer('badinh'), 'GET', `/api/persons/${id}/timeline`);
    expect(timeline.json().items[0]).toMatchObject({ kind: 'identity_updated', summary: 'Cập nhật thông tin: nghề nghiệp' });
  });
});

describe('searching the registry', () => {
  beforeAll(async () => {
    for (const fullName of ['Đặng Thị Bình', 'Đỗ Văn Cường', 'Bùi Thị Ánh', 'Trần Văn Dũng', 'Lò Văn Sủa']) {
      const r = await create(
        officer('badinh'),
        person({ personalId: undefined, fullName, birthYear: 1995, birthDate: undefined }),
      );
      expect(r.statusCode).toBe(201);
    }
  });

  it.each([['nguyen van a'], ['van a nguyen'], ['NGUYỄN VĂN A'], ['001089012345']])('finds Nguyễn Văn A for %j', async (q) => {
    const result = await search(officer('badinh'), { q });
    expect(result.statusCode).toBe(200);
    expect(result.json().items.map((p: { fullName: string }) => p.fullName)).toContain('Nguyễn Văn A');
  });

  it('matches "d" to "đ", tolerates a typo, and lists in Vietnamese order across keyset pages', async () => {
    expect((await search(officer('badinh'), { q: 'dang thi binh' })).json().items[0].fullName).toBe('Đặng Thị Bình');
    const typo = (await search(officer('badinh'), { q: 'dang thi bihn' })).json();
    expect(typo.items[0]).toMatchObject({ fullName: 'Đặng Thị Bình', match: 'fuzzy' });
    const names: string[] = [];
    let after: string | undefined;
    do {
      const page = (await search(officer('badinh'), { q: '', limit: 2, ...(after ? { after } : {}) })).json();
      names.push(...page.items.map((p: { fullName: string }) => p.fullName));
      after = page.next ?? undefined;
    } while (after);
    expect(names).toEqual(['Bùi Thị Ánh', 'Đặng Thị Bình', 'Đỗ Văn Cường', 'Lò Văn Sủa', 'Nguyễn Văn A', 'Trần Văn Dũng']);
  });

  it('stays within the officer’s scope and remit', async () => {
    const other = (await search(officer('ngocha'), { q: 'nguyen van a' })).json();
    expect(other.items.map((p: { managingUnit: { code: string } }) => p.managingUnit.code)).toEqual(['00008']);
    expect((await search(officer('lead'), { q: 'nguyen van a' })).json().items).toHaveLength(2);
    expect((await search(officer('school'), { q: 'nguyen van a' })).statusCode).toBe(403);
  });
});

describe('name words (the search index of migration 0007)', () => {
  it('follow renames and moves, and find word prefixes in any order', async () => {
    const created = (
      await create(
        officer('badinh'),
        person({ personalId: undefined, fullName: 'Hà Thị Gấm', birthYear: 1990, birthDate: undefined }),
      )
    ).json();
    const names = async (q: string) =>
      (await search(officer('badinh'), { q })).json().items.map((p: { fullName: string }) => p.fullName);
    expect(await names('gam ha')).toContain('Hà Thị Gấm');
    expect(await names('th ga')).toContain('Hà Thị Gấm');
    const { rows } = await sql<{
      token: string;
    }>`SELECT token FROM person_name_token WHERE person_id = ${created.id} ORDER BY token`.execute(t.database.db);
    expect(rows.map((r) => r.token)).toEqual(['gam', 'ha', 'thi']);
    await sql`UPDATE person SET search_key = ' ha thi nhung', full_name = 'Hà Thị Nhung' WHERE id = ${created.id}`.execute(
      t.database.db,
    );
    expect(await names('gam ha')).not.toContain('Hà Thị Gấm');
    expect(await names('nhung')).toContain('Hà Thị Nhung');
  });

  it('page through word matches in Vietnamese order without repeating a person with two matching words', async () => {
    for (const [fullName, birthYear] of [
      ['Nguyễn Nguyệt Ánh', 1991],
      ['Ngô Thị Ngà', 1992],
      ['Nguyễn Ngọc Ẩn', 1991],
    ] as const) {
      const r = await create(officer('badinh'), person({ personalId: undefined, fullName, birthYear, birthDate: undefined }));
      expect(r.statusCode).toBe(201);
    }
    const names: string[] = [];
    let after: string | undefined;
    do {
      const page = (await search(officer('badinh'), { q: 'ng', birthYear: 1991, limit: 1, ...(after ? { after } : {}) })).json();
      names.push(...page.items.map((p: { fullName: string }) => p.fullName));
      after = page.next ?? undefined;
    } while (after);
    expect(names).toEqual(['Nguyễn Ngọc Ẩn', 'Nguyễn Nguyệt Ánh']);
  });

  it('are visible to the database role only where their person is', async () => {
    const seen = (unitPath: string, roles: Role[]) =>
      inScope(
        t.database.db,
        { kind: 'user', userId: randomUUID(), roles, unitPath, agency: 'CA_XA', agencyKind: 'police', agencyLevel: 'commune' },
        (trx) => sql<{ unit_path: string }>`SELECT DISTINCT unit_path FROM person_name_token`.execute(trx),
      );
    const own = await seen('01.00008', ['commune_officer']);
    expect(own.rows.map((r) => r.unit_path)).toEqual(['01.00008']);
    await expect(
      inScope(
        t.database.db,
        { kind: 'user', userId: randomUUID(), roles: ['commune_officer'], unitPath: '01.00008', agency: 'CA_XA' },
        (trx) =>
          sql`INSERT INTO person_name_token (person_id, province_code, unit_path, born, birth_year, classification, sort_key, token) VALUES (gen_random_uuid(), '01', '01.00008', '2000-01-01', 2000, 'NONE', 'x', 'x')`.execute(
            trx,
          ),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('minors and break-the-glass', () => {
  it('hides minors from the provincial lead, and opens one record for an hour with a grant', async () => {
    const minor = (
      await create(
        officer('badinh'),
        person({ personalId: undefined, fullName: 'Vi Văn Nhỏ', birthYear: 2010, birthDate: '2010-05-05' }),
      )
    ).json();
    expect(minor.minor).toBe(true);
    expect((await call(t.app, officer('badinh'), 'GET', `/api/persons/${minor.id}`)).statusCode).toBe(200);
    expect((await call(t.app, officer('lead'), 'GET', `/api/persons/${minor.id}`)).statusCode).toBe(404);
    expect((await search(officer('lead'), { q: 'vi van nho' })).json().items).toEqual([]);

    expect((await call(t.app, officer('ngocha'), 'GET', `/api/persons/${minor.id}`)).statusCode).toBe(404);
    const grant = await call(t.app, officer('ngocha'), 'POST', '/api/break-glass', {
      recordKind: 'person',
      recordId: minor.id,
      reason: 'Đối tượng bị bắt quả tang tại địa bàn, cần xác minh nhân thân ngay',
    });
    expect(grant.statusCode).toBe(201);
    expect((await call(t.app, officer('ngocha'), 'GET', `/api/persons/${minor.id}`)).json().fullName).toBe('Vi Văn Nhỏ');
    // Valid for one hour (the officer keeps the session alive meanwhile), then closed again.
    for (let minutes = 10; minutes <= 50; minutes += 10) {
      clock.advance(10 * 60_000);
      expect((await call(t.app, officer('ngocha'), 'GET', `/api/persons/${minor.id}`)).statusCode, `${minutes} min`).toBe(200);
    }
    clock.advance(11 * 60_000);
    expect((await call(t.app, officer('ngocha'), 'GET', `/api/persons/${minor.id}`)).statusCode).toBe(404);
  });
});
