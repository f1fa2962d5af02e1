import { searchWords } from '@shared/text/vi';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { seededRandom } from '../persons/persons.generate';
import { SIMILAR_NAME_THRESHOLD } from '../persons/persons.repo';
import { similarity, similarNames } from './similar-names';

/**
 * The import finds similar names in the process, registration in SQL: both must mean the same.
 * Fake names only, built from common family, middle and given names.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Ngọc', ''];
const GIVEN = ['An', 'Anh', 'Ánh', 'Bình', 'Hà', 'Hải', 'Hùng', 'Hưng', 'Lan', 'Long', 'Nam', 'Thu', 'Thư'];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function fakeNames(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = (items: string[]) => items[Math.floor(random() * items.length)] ?? '';
  return Array.from({ length: count }, () =>
    searchWords([pick(FAMILY), pick(MIDDLE), pick(GIVEN), random() < 0.2 ? pick(GIVEN) : ''].join(' ')).join(' '),
  );
}

describe('similar names', () => {
  it('computes pg_trgm similarity exactly as PostgreSQL does', async () => {
    const left = fakeNames(400, 1);
    const right = fakeNames(400, 2);
    const { rows } = await sql<{ s: number }>`
      SELECT similarity(a, b) AS s FROM unnest(${left}::text[], ${right}::text[]) AS t(a, b)`.execute(database.db);
    // float4 comes back as its shortest decimal text: compare as float4.
    expect(rows.map((row) => Math.fround(Number(row.s)))).toEqual(left.map((a, i) => similarity(a, right[i] ?? '')));
    expect(rows.some((row) => row.s >= SIMILAR_NAME_THRESHOLD && row.s < 1)).toBe(true);
  });

  it('finds exactly the pairs of a group that SQL finds at the threshold', async () => {
    const incoming = fakeNames(300, 3);
    const registered = fakeNames(300, 4);
    const group = (i: number) => String(1980 + (i % 3));
    const { rows } = await sql<{ i: number; r: number }>`
      SELECT a.i, b.r FROM unnest(${incoming}::text[]) WITH ORDINALITY AS a(name, i)
      JOIN unnest(${registered}::text[]) WITH ORDINALITY AS b(name, r)
        ON (a.i - 1) % 3 = (b.r - 1) % 3 AND similarity(a.name, b.name) >= ${SIMILAR_NAME_THRESHOLD}`.execute(database.db);
    const expected = rows.map((row) => `${Number(row.i) - 1}:${Number(row.r) - 1}`).sort();
    const found = similarNames(
      incoming.map((nameKey, i) => ({ ref: String(i), nameKey, group: group(i) })),
      registered.map((nameKey, i) => ({ ref: String(i), nameKey, group: group(i) })),
    );
    const actual = [...found.entries()].flatMap(([i, refs]) => refs.map((r) => `${i}:${r}`)).sort();
    expect(expected.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  });
});
