import type { Kysely } from 'kysely';
import { buildAdminUnitData, insertAdminUnitData, readSourceFiles } from '../reference/vn-admin-2025';
import type { DB } from '../types';

/** Loads both hierarchies and the 01/07/2025 old→new mapping (assets/vn-admin). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await insertAdminUnitData(db as unknown as Kysely<DB>, buildAdminUnitData(readSourceFiles()));
}
