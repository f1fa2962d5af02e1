import type { UnitDto } from '@shared/contracts/units';
import { compareVi } from '@shared/text/vi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

let t: TestApp;
// "Today" for these tests: after the 30/04/2026 Đồng Nai change.
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-06-15T03:00:00Z') });
});
afterAll(() => t.close());

async function get<T = Record<string, unknown>>(url: string, lang = 'vi') {
  const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang, ...(await t.readerHeaders()) } });
  return { status: response.statusCode, body: response.json() as T, headers: response.headers };
}

describe('GET /api/units', () => {
  it('lists the 34 current provinces, and the 63 old ones on 30/06/2025', async () => {
    const today = await get<{ at: string; items: UnitDto[] }>('/api/units');
    expect(today.status).toBe(200);
    expect(today.body.at).toBe('2026-06-15');
    expect(today.body.items).toHaveLength(34);
    const old = await get<{ items: UnitDto[] }>('/api/units?at=2025-06-30');
    expect(old.body.items).toHaveLength(63);
    expect(old.body.items.find((p) => p.code === '30')?.fullName).toBe('Tỉnh Hải Dương');
  });

  it("lists Hà Nội's 126 communes, in code order or in Vietnamese alphabetical order", async () => {
    const byCode = await get<{ parent: UnitDto; items: UnitDto[] }>('/api/units?parent=01');
    expect(byCode.body.parent.fullName).toBe('Thành phố Hà Nội');
    expect(byCode.body.items).toHaveLength(126);
    expect(byCode.body.items[0]?.fullName).toBe('Phường Ba Đình');
    const codes = byCode.body.items.map((u) => u.code);
    expect(codes).toEqual([...codes].sort());
    const byName = await get<{ items: UnitDto[] }>('/api/units?parent=01&sort=name');
    const names = byName.body.items.map((u) => u.name);
    expect(names).toEqual([...names].sort(compareVi));
    expect(names.indexOf('Đống Đa')).toBeGreaterThan(names.indexOf('Dương Nội'));
  });

  it('shows the old three levels: province → district → commune', async () => {
    const districts = await get<{ items: UnitDto[] }>('/api/units?parent=01&at=2025-06-30');
    expect(districts.body.items).toHaveLength(30);
    expect(districts.body.items[0]).toMatchObject({ code: '001', fullName: 'Quận Ba Đình', level: 'district', childCount: 13 });
    const communes = await get<{ items: UnitDto[] }>('/api/units?parent=001&at=2025-06-30');
    expect(communes.body.items.map((u) => u.fullName)).toContain('Phường Trúc Bạch');
  });
});

describe('GET /api/units/:code', () => {
  it('resolves a reused code by date: 00004 was Phường Trúc Bạch and is now Phường Ba Đình', async () => {
    const now = await get<{ unit: UnitDto; ancestors: { fullName: string }[] }>('/api/units/00004');
    expect(now.body.unit.fullName).toBe('Phường Ba Đình');
    expect(now.body.ancestors.map((a) => a.fullName)).toEqual(['Thành phố Hà Nội']);
    const then = await get<{ unit: UnitDto; ancestors: { fullName: string }[] }>('/api/units/00004?at=2025-06-30');
    expect(then.body.unit.fullName).toBe('Phường Trúc Bạch');
    expect(then.body.ancestors.map((a) => a.fullName)).toEqual(['Thành phố Hà Nội', 'Quận Ba Đình']);
  });

  it('follows the 30/04/2026 change of type: xã until 29/04, phường from 30/04', async () => {
    const before = await get<{ unit: UnitDto; ancestors: { fullName: string }[] }>('/api/units/25270?at=2026-04-29');
    expect(before.body.unit.fullName).toBe('Xã Lộc Ninh');
    expect(before.body.ancestors[0]?.fullName).toBe('Tỉnh Đồng Nai');
    const after = await get<{ unit: UnitDto; ancestors: { fullName: string }[] }>('/api/units/25270?at=2026-04-30');
    expect(after.body.unit.fullName).toBe('Phường Lộc Ninh');
    expect(after.body.ancestors[0]?.fullName).toBe('Thành phố Đồng Nai');
  });

  it('finds a unit by the alternative code of the GSO letter', async () => {
    const result = await get<{ unit: UnitDto }>('/api/units/06970');
    expect(result.body.unit).toMatchObject({ code: '06978', fullName: 'Xã Ba Chẽ', altCodes: ['06970'] });
  });

  it('answers 404 with a message in the request language for an unknown code', async () => {
    const vi = await get('/api/units/99999');
    expect(vi.status).toBe(404);
    expect(vi.body).toMatchObject({
      code: 'UNIT_NOT_FOUND',
      message: 'Không có đơn vị hành chính mã 99999 có hiệu lực ngày 2026-06-15.',
    });
    expect(vi.body.requestId).toBe(vi.headers['x-request-id']);
    // Thái Bình (34) merged into Hưng Yên (33) on 01/07/2025: its code is valid only before.
    const en = await get('/api/units/34', 'en');
    expect(en.status).toBe(404);
    expect(en.body).toMatchObject({
      code: 'UNIT_NOT_FOUND',
      message: 'No administrative unit with code 34 is valid on 2026-06-15.',
    });
    expect((await get('/api/units/34?at=2025-06-30')).status).toBe(200);
  });

  it('answers 400 naming each bad field of a malformed query', async () => {
    const bad = await get<{ code: string; issues: { path: string[]; message: string }[] }>(
      '/api/units?parent=abc&at=2025-02-30&sort=size&extra=1',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const paths = bad.body.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['query.parent', 'query.at', 'query.sort', 'query']));
    expect(bad.body.issues.find((i) => i.path.join('.') === 'query.at')?.message).toBe(
      'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.',
    );
    const en = await get<{ issues: { path: string[]; message: string }[] }>('/api/units/1234', 'en');
    expect(en.status).toBe(400);
    expect(en.body.issues[0]).toEqual({
      path: ['params', 'code'],
      message: 'A unit code has 2 digits (province), 3 digits (former district) or 5 digits (commune).',
    });
  });
});

describe('GET /api/units/search', () => {
  type Hits = { items: { unit: UnitDto; ancestors: { fullName: string }[]; fuzzy: boolean }[] };

  it.each([['ba dinh'], ['dinh ba'], ['BA ĐÌNH'], ['Ba Đình'.normalize('NFD')], ['phuong ba dinh']])(
    'finds Phường Ba Đình for %j',
    async (q) => {
      const result = await get<Hits>(`/api/units/search?q=${encodeURIComponent(q)}`);
      expect(result.status).toBe(200);
      expect(result.body.items[0]?.unit.fullName).toBe('Phường Ba Đình');
      expect(result.body.items[0]?.ancestors.map((a) => a.fullName)).toEqual(['Thành phố Hà Nội']);
      expect(result.body.items.every((hit) => !hit.fuzzy)).toBe(true);
    },
  );

  it('matches "d" to "đ" and finds units by code', async () => {
    const dongNai = await get<Hits>('/api/units/search?q=dong%20nai&level=province');
    expect(dongNai.body.items.map((h) => h.unit.fullName)).toEqual(['Thành phố Đồng Nai']);
    const byCode = await get<Hits>('/api/units/search?q=00004');
    expect(byCode.body.items[0]?.unit.fullName).toBe('Phường Ba Đình');
  });

  it('tolerates a typo, marking such hits as fuzzy', async () => {
    const result = await get<Hits>('/api/units/search?q=ba%20dihn');
    const first = result.body.items[0];
    expect(first?.unit.name).toBe('Ba Đình');
    expect(first?.fuzzy).toBe(true);
  });

  it('searches the old hierarchy on an old date and inside a subtree', async () => {
    const old = await get<Hits>('/api/units/search?q=truc%20bach&at=2025-06-30');
    expect(old.body.items[0]?.unit.fullName).toBe('Phường Trúc Bạch');
    expect(old.body.items[0]?.ancestors.map((a) => a.fullName)).toEqual(['Thành phố Hà Nội', 'Quận Ba Đình']);
    const within = await get<Hits>('/api/units/search?q=ba%20dinh&within=38');
    expect(within.body.items.map((h) => h.unit.code)).toEqual(['16171']);
  });

  it('rejects an empty or over-long query', async () => {
    expect((await get('/api/units/search?q=%20%20')).status).toBe(400);
    expect((await get(`/api/units/search?q=${'a'.repeat(101)}`)).status).toBe(400);
    expect((await get('/api/units/search?q=a&limit=500')).status).toBe(400);
  });
});

describe('GET /api/units/:code/successors (old → current)', () => {
  type Mapped = { unit: UnitDto; successors: { unit: UnitDto; kind: string; via: string[]; legalBasis: string }[] };

  it('maps an old commune that merged whole into a new one', async () => {
    const result = await get<Mapped>('/api/units/00001/successors');
    expect(result.body.unit.fullName).toBe('Phường Phúc Xá');
    expect(result.body.successors.map((s) => [s.unit.fullName, s.kind])).toEqual([['Phường Hồng Hà', 'full']]);
    expect(result.body.successors[0]?.legalBasis).toContain('QĐ 19/2025/QĐ-TTg');
  });

  it('maps an old commune split between several new ones as partial', async () => {
    const result = await get<Mapped>('/api/units/00016/successors');
    expect(result.body.unit.fullName).toBe('Phường Ngọc Hà');
    expect(result.body.successors.length).toBeGreaterThan(1);
    expect(result.body.successors.every((s) => s.kind === 'partial')).toBe(true);
  });

  it('maps a former district through its communes', async () => {
    const result = await get<Mapped>('/api/units/001/successors');
    expect(result.body.unit.fullName).toBe('Quận Ba Đình');
    const baDinh = result.body.successors.find((s) => s.unit.code === '00004');
    expect(baDinh?.via).toEqual(expect.arrayContaining(['00004', '00013']));
    expect(result.body.successors.every((s) => s.kind === 'partial')).toBe(true);
  });

  it('maps old provinces to the merged province', async () => {
    const result = await get<Mapped>('/api/units/30/successors');
    expect(result.body.successors.map((s) => [s.unit.fullName, s.kind])).toEqual([['Thành phố Hải Phòng', 'full']]);
  });

  it('follows a merge and a later change of type to the unit valid on the target date', async () => {
    const later = await get<Mapped>('/api/units/25270/successors');
    expect(later.body.successors.map((s) => s.unit.fullName)).toEqual(['Phường Lộc Ninh']);
    expect(later.body.successors[0]?.legalBasis).toContain('237/NQ-UBTVQH16');
    const earlier = await get<Mapped>('/api/units/25270/successors?target=2025-12-31');
    expect(earlier.body.successors.map((s) => s.unit.fullName)).toEqual(['Xã Lộc Ninh']);
  });

  it('maps an old commune missing from the 01/03/2025 list but named by the mapping', async () => {
    const result = await get<Mapped>('/api/units/07732/successors');
    expect(result.body.unit.note).toContain('suy ra');
    expect(result.body.successors).toHaveLength(1);
  });
});

describe('GET /api/units/:code/predecessors and /subtree', () => {
  it('lists the old units merged into Phường Ba Đình with their old district', async () => {
    const result = await get<{ predecessors: { unit: UnitDto; kind: string; ancestors: { fullName: string }[] }[] }>(
      '/api/units/00004/predecessors',
    );
    const trucBach = result.body.predecessors.find((p) => p.unit.fullName === 'Phường Trúc Bạch');
    expect(trucBach?.kind).toBe('full');
    expect(trucBach?.ancestors.map((a) => a.fullName)).toEqual(['Thành phố Hà Nội', 'Quận Ba Đình']);
    expect(result.body.predecessors.some((p) => p.kind === 'partial')).toBe(true);
  });

  it('returns a whole old province down to its communes', async () => {
    const result = await get<{ root: UnitDto; items: UnitDto[] }>('/api/units/12/subtree?at=2025-06-30');
    expect(result.body.root.fullName).toBe('Tỉnh Lai Châu');
    const districts = result.body.items.filter((u) => u.level === 'district');
    expect(districts).toHaveLength(8);
    const oneLevel = await get<{ items: UnitDto[] }>('/api/units/12/subtree?at=2025-06-30&depth=1');
    expect(oneLevel.body.items).toHaveLength(8);
  });
});

describe('GET /api/units/periods', () => {
  it('lists both hierarchies with the date to query each on', async () => {
    const result = await get<{ items: { id: string; referenceDate: string; levels: string[] }[] }>('/api/units/periods');
    expect(result.body.items.map((p) => [p.id, p.referenceDate, p.levels.length])).toEqual([
      ['vn-pre-2025', '2025-06-30', 3],
      ['vn-2025', '2026-06-15', 2],
    ]);
  });
});
