import { type Kysely, sql } from 'kysely';

/**
 * Extensions present both in PGlite 0.5.16 and in Debian's PostgreSQL 15 contrib (all "trusted":
 * a database owner may create them). `f_unaccent` is the IMMUTABLE wrapper that lets folded text
 * appear in an index (VN-DATA.md §4.3); the JS fold in src/shared/text/vi.ts must agree with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
  `.execute(db);
}
