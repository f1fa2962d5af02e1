import { foldVi } from '@shared/text/vi';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/**
 * Search keys are folded in JS, while later SQL (indexes, reports) may fold with f_unaccent.
 * Both must agree on every unit name, old and new (VN-DATA.md §4.2), on this database engine.
 */
it('folds every unit name the same way in JS and in SQL', async () => {
  const { rows } = await sql<{ full_name: string; folded: string }>`
    SELECT DISTINCT full_name, lower(f_unaccent(full_name)) AS folded FROM admin_unit
  `.execute(database.db);
  // Distinct official names of both hierarchies (many communes share a name).
  expect(rows.length).toBeGreaterThan(9_000);
  const mismatches = rows.filter((r) => foldVi(r.full_name) !== r.folded.replace(/\s+/g, ' ').trim());
  expect(mismatches.slice(0, 5)).toEqual([]);
});
