import { describe, expect, it } from 'vitest';
import { buildAdminUnitData, FROM_2025, PRE_2025, readSourceFiles, splitTypeWord } from './vn-admin-2025';

const data = buildAdminUnitData(readSourceFiles());
const count = (dataset: string, level: string, at: 'old' | 'new' | 'latest') =>
  data.units.filter(
    (u) =>
      u.dataset_id === dataset &&
      u.level === level &&
      (at === 'old' || (at === 'new' ? u.valid_from === '2025-07-01' : u.valid_to === null)),
  ).length;

describe('administrative unit reference data', () => {
  it('has the old three-level hierarchy of 01/03/2025 plus the 12 communes only the mapping names', () => {
    expect(count(PRE_2025, 'province', 'old')).toBe(63);
    expect(count(PRE_2025, 'district', 'old')).toBe(696);
    expect(count(PRE_2025, 'commune', 'old')).toBe(10_035 + 12);
    expect(data.report.inferredOldCommunes).toHaveLength(12);
    expect(data.units.every((u) => u.dataset_id !== PRE_2025 || u.valid_to === '2025-06-30')).toBe(true);
  });

  it('has 34 provinces and 3,321 communes today, and the units as they were on 01/07/2025', () => {
    expect(count(FROM_2025, 'province', 'latest')).toBe(34);
    expect(count(FROM_2025, 'commune', 'latest')).toBe(3321);
    expect(count(FROM_2025, 'province', 'new')).toBe(34);
    expect(count(FROM_2025, 'commune', 'new')).toBe(3321);
    expect(data.units.filter((u) => u.dataset_id === FROM_2025 && u.parent_code === '01' && u.valid_to === null)).toHaveLength(
      126,
    );
  });

  it('splits the units that changed type on 30/04/2026 into two periods linked by a succession', () => {
    expect(data.report.typeChanges).toBe(11);
    const dongNai = data.units.filter((u) => u.code === '75' && u.dataset_id === FROM_2025);
    expect(dongNai.map((u) => [u.kind, u.valid_from, u.valid_to])).toEqual([
      ['province', '2025-07-01', '2026-04-29'],
      ['central_city', '2026-04-30', null],
    ]);
    const [before, after] = dongNai;
    expect(data.successions).toContainEqual(
      expect.objectContaining({
        predecessor_id: before?.id,
        successor_id: after?.id,
        kind: 'full',
        effective_date: '2026-04-30',
      }),
    );
  });

  it('keeps the code the GSO letter uses as an alternative code where the sources disagree', () => {
    expect(data.report.altCodes).toEqual({ '06978': '06970', '23938': '23737' });
  });

  it('maps every old commune and province to at least one new unit', () => {
    const withSuccessor = new Set(data.successions.map((s) => s.predecessor_id));
    const orphans = data.units.filter((u) => u.dataset_id === PRE_2025 && u.level !== 'district' && !withSuccessor.has(u.id));
    expect(orphans.map((u) => u.code)).toEqual([]);
    // 460 old communes were split between two or more new units.
    const partial = new Set(data.successions.filter((s) => s.kind === 'partial').map((s) => s.predecessor_id));
    expect(partial.size).toBeGreaterThanOrEqual(460);
  });

  it('never has two units with one code valid on the same day', () => {
    const seen = new Map<string, { from: string | null; to: string | null }[]>();
    for (const u of data.units) {
      const periods = seen.get(u.code) ?? [];
      for (const p of periods) {
        const overlaps = (p.from ?? '') <= (u.valid_to ?? '9999') && (u.valid_from ?? '') <= (p.to ?? '9999');
        expect(overlaps, `code ${u.code}`).toBe(false);
      }
      periods.push({ from: u.valid_from ?? null, to: u.valid_to ?? null });
      seen.set(u.code, periods);
    }
  });

  it('reads the type word of official names, whatever its case', () => {
    expect(splitTypeWord('xã Bắc Sơn', 'commune')).toEqual({ kind: 'commune', name: 'Bắc Sơn', fullName: 'Xã Bắc Sơn' });
    expect(splitTypeWord('Thành phố Thủ Đức', 'district')).toEqual({
      kind: 'provincial_city',
      name: 'Thủ Đức',
      fullName: 'Thành phố Thủ Đức',
    });
    expect(() => splitTypeWord('Làng Mới', 'commune')).toThrow(/Unknown commune type word/);
  });
});
