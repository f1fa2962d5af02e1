import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { compareVi, viSortKey } from '../src/shared/text/vi';

/**
 * The stored sort key must order exactly as ICU's Vietnamese collation, so that the database
 * (sorting bytewise, COLLATE "C") gives the order officers expect on PGlite and PostgreSQL alike.
 */
it('orders 2,800+ commune names and tricky tone cases exactly like Intl.Collator("vi")', () => {
  const current = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '..', 'assets/vn-admin/current/vn-units-2026.full.json'), 'utf8'),
  ) as {
    Wards: { Name: string }[];
  }[];
  const extra = [
    'An',
    'Anh',
    'Ánh',
    'Ăn',
    'Ân',
    'Bình',
    'Dũng',
    'Đức',
    'Nguyễn Văn A',
    'Nguyễn Văn Ả',
    'Nguyễn văn A',
    'Lê Thị Hà',
    'Lê Thị Hạ',
    'Lê Thị Há',
    'Lê Thị Hã',
    'Lê Thị Hả',
    'Trần',
    'Tràn',
    'Tran',
    'Ư',
    'U',
    'Ơ',
    'Ô',
    'O',
  ];
  const names = [...new Set([...current.flatMap((p) => p.Wards.map((w) => w.Name)), ...extra])];
  expect(names.length).toBeGreaterThan(2800);
  const tie = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byCollator = [...names].sort((a, b) => compareVi(a, b) || tie(a, b));
  const byKey = [...names].sort((a, b) => tie(viSortKey(a), viSortKey(b)) || tie(a, b));
  expect(byKey).toEqual(byCollator);
  expect(viSortKey('Nguyễn Văn Đức')).not.toContain('\u0000');
});
