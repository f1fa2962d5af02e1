import type { AgencyDto } from '@shared/contracts/agencies';
import { AgencyCreateInput } from '@shared/contracts/agencies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { AppError } from '../../platform/errors';
import { createAgency, listAgencies, updateAgency } from './agencies.service';

let t: TestApp;
const ctx = () => ({ db: t.database.db, clock: () => new Date('2026-06-15T03:00:00Z') });
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-06-15T03:00:00Z') });
});
afterAll(() => t.close());

describe('agencies', () => {
  it('lists the default agencies the plans assign tasks to, current ones only by default', async () => {
    const response = await t.app.inject({ url: '/api/agencies', headers: await t.readerHeaders() });
    expect((await t.app.inject('/api/agencies')).statusCode).toBe(401);
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: AgencyDto[] }).items;
    const codes = items.map((a) => a.code);
    for (const code of [
      'CA_TINH',
      'PC04',
      'CA_XA',
      'UBND_TINH',
      'UBND_XA',
      'SO_Y_TE',
      'CS_Y_TE',
      'SO_GD_DT',
      'SO_TT_TT',
      'BDBP',
      'DAI_PT_TH',
      'CS_CAI_NGHIEN',
      'TOA_AN',
      'SO_KHAC',
    ]) {
      expect(codes).toContain(code);
    }
    expect(items.find((a) => a.code === 'PC04')?.parentCode).toBe('CA_TINH');
    expect(codes).not.toContain('SO_LDTBXH');
    const all = (await t.app.inject({ url: '/api/agencies?includeInactive=true', headers: await t.readerHeaders() })).json() as {
      items: AgencyDto[];
    };
    expect(all.items.find((a) => a.code === 'SO_LDTBXH')).toMatchObject({ active: false, validTo: '2025-02-28' });
  });

  it('adds an agency, and refuses a taken code or an unknown parent without writing anything', async () => {
    const input = AgencyCreateInput.parse({
      code: 'SO_VHTTDL',
      kind: 'information',
      level: 'province',
      nameVi: 'Sở Văn hóa, Thể thao và Du lịch',
      nameEn: 'Department of Culture, Sports and Tourism',
    });
    const created = await createAgency(ctx(), input);
    expect(created).toMatchObject({ code: 'SO_VHTTDL', active: true, sortOrder: 900 });
    await expect(createAgency(ctx(), input)).rejects.toMatchObject({ code: 'AGENCY_CODE_TAKEN', status: 409 });
    const orphan = { ...input, code: 'SO_MOI', parentCode: 'KHONG_CO' };
    await expect(createAgency(ctx(), orphan)).rejects.toBeInstanceOf(AppError);
    const after = await listAgencies(ctx(), { includeInactive: true });
    expect(after.filter((a) => a.code === 'SO_VHTTDL')).toHaveLength(1);
    expect(after.map((a) => a.code)).not.toContain('SO_MOI');
  });

  it('renames and retires an agency; an unknown code is a 404', async () => {
    const renamed = await updateAgency(ctx(), 'SO_TT_TT', { nameVi: 'Sở Khoa học và Công nghệ', validTo: '2026-06-14' });
    expect(renamed).toMatchObject({ nameVi: 'Sở Khoa học và Công nghệ', active: false });
    expect((await listAgencies(ctx(), { includeInactive: false })).map((a) => a.code)).not.toContain('SO_TT_TT');
    await expect(updateAgency(ctx(), 'KHONG_CO', { nameVi: 'X' })).rejects.toMatchObject({
      code: 'AGENCY_NOT_FOUND',
      status: 404,
    });
  });

  it('validates agency input with messages for the officer', () => {
    const result = AgencyCreateInput.safeParse({ code: 'bad code', kind: 'army', level: 'province', nameVi: 'X', nameEn: 'Y' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['code', 'kind', 'nameVi', 'nameEn']),
    );
  });
});
