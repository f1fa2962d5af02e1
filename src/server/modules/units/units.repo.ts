import type { UnitLevel } from '@shared/contracts/units';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { AdminUnitRow } from '../../db/types';

/** A unit row plus the number of its children valid on the same date. */
export type UnitRecord = AdminUnitRow & { child_count: number };

/** Valid on `at`: validity bounds are inclusive, and null means open-ended. */
function validOn(at: string) {
  return sql<SqlBool>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${at}::date)`;
}

/** Children valid on `day` (a date expression): the unit as it was on that day. */
function childCount(day: RawBuilder<unknown>) {
  return sql<number>`(SELECT count(*)::int FROM admin_unit c WHERE c.parent_code = u.code
    AND (c.valid_from IS NULL OR c.valid_from <= ${day}) AND (c.valid_to IS NULL OR c.valid_to >= ${day}))`.as('child_count');
}

function selectUnits(db: Executor, at: string) {
  return db
    .selectFrom('admin_unit as u')
    .selectAll('u')
    .select(childCount(sql`${at}::date`))
    .where(validOn(at));
}

/** Children of a unit (or the provinces when `parentCode` is null) valid on `at`, in code order. */
export function listChildren(db: Executor, parentCode: string | null, at: string): Promise<UnitRecord[]> {
  const query = selectUnits(db, at);
  return (parentCode === null ? query.where('u.parent_code', 'is', null) : query.where('u.parent_code', '=', parentCode))
    .orderBy('u.code')
    .execute() as Promise<UnitRecord[]>;
}

/** The unit with this code (or alternative code) valid on `at`; the primary code wins. */
export async function findByCode(db: Executor, code: string, at: string): Promise<UnitRecord | undefined> {
  return (await selectUnits(db, at)
    .where((eb) => eb.or([eb('u.code', '=', code), sql<SqlBool>`${code} = ANY(u.alt_codes)`]))
    .orderBy(sql`u.code = ${code}`, 'desc')
    .limit(1)
    .executeTakeFirst()) as UnitRecord | undefined;
}

export function findByCodes(db: Executor, codes: string[], at: string): Promise<UnitRecord[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return selectUnits(db, at).where('u.code', 'in', codes).execute() as Promise<UnitRecord[]>;
}

export function findByIds(db: Executor, ids: string[], at: string | null): Promise<UnitRecord[]> {
  if (ids.length === 0) return Promise.resolve([]);
  // A unit is reported with the children it had on its own last (or current) day.
  const day = sql`coalesce(${at}::date, u.valid_to, current_date)`;
  const query = db.selectFrom('admin_unit as u').selectAll('u').select(childCount(day)).where('u.id', 'in', ids);
  return query.execute() as Promise<UnitRecord[]>;
}

/** Every unit below `path` valid on `at`, at most `maxDepth` levels down, in path order. */
export function listSubtree(db: Executor, path: string, at: string, maxDepth: number): Promise<UnitRecord[]> {
  const rootDepth = path.split('.').length;
  return selectUnits(db, at)
    .where('u.path', 'like', `${path}.%`)
    .where(sql<SqlBool>`array_length(string_to_array(u.path, '.'), 1) <= ${rootDepth + maxDepth}`)
    .orderBy('u.path')
    .execute() as Promise<UnitRecord[]>;
}

export interface SearchFilter {
  /** Folded search words; every one must start a word of the unit's name. */
  words: string[];
  /** The folded query as one string, for code, exact-name and trigram matching. */
  folded: string;
  at: string;
  level?: UnitLevel;
  withinPath?: string;
  limit: number;
}

export type SearchRecord = UnitRecord & { all_words: SqlBool; exact: boolean; score: number };

/**
 * Accent-insensitive search on the folded keys computed in JS (the same fold on PGlite and
 * PostgreSQL), word-order tolerant (each word matched separately) and typo-tolerant (trigram
 * similarity as a fallback). Ranking happens here; Vietnamese ordering of ties is done by the caller.
 */
export function search(db: Executor, f: SearchFilter): Promise<SearchRecord[]> {
  const allWords = sql.join(
    f.words.map((word) => sql`u.search_key LIKE ${`% ${escapeLike(word)}%`}`),
    sql` AND `,
  );
  const allWordsExpr = f.words.length > 0 ? sql<SqlBool>`(${allWords})` : sql<SqlBool>`false`;
  let query = selectUnits(db, f.at)
    .select([
      allWordsExpr.as('all_words'),
      sql<boolean>`(u.name_key = ${f.folded})`.as('exact'),
      sql<number>`similarity(u.name_key, ${f.folded})`.as('score'),
    ])
    .where((eb) =>
      eb.or([
        allWordsExpr,
        eb('u.code', '=', f.folded),
        sql<SqlBool>`${f.folded} = ANY(u.alt_codes)`,
        sql<SqlBool>`(length(${f.folded}) >= 3 AND similarity(u.name_key, ${f.folded}) >= 0.4)`,
      ]),
    );
  if (f.level) query = query.where('u.level', '=', f.level);
  if (f.withinPath) query = query.where('u.path', 'like', `${f.withinPath}.%`);
  return query
    .orderBy(sql`(u.code = ${f.folded})`, 'desc')
    .orderBy('exact', 'desc')
    .orderBy('all_words', 'desc')
    .orderBy('score', 'desc')
    .orderBy(sql`CASE u.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END`)
    .orderBy('u.code')
    .limit(f.limit)
    .execute() as Promise<SearchRecord[]>;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface LinkRecord {
  origin_id: string;
  unit_id: string;
  kind: 'full' | 'partial';
  effective_date: string;
  legal_basis: string;
}

/**
 * Follows successions forward from each start unit, through any number of later changes (a
 * 2025 merge, then a 2026 change of type), and returns the units reached that are valid on
 * `target`. A chain is `partial` as soon as one of its links is.
 */
export async function findSuccessors(db: Executor, startIds: string[], target: string): Promise<LinkRecord[]> {
  if (startIds.length === 0) return [];
  const result = await sql<LinkRecord>`
    WITH RECURSIVE chain (origin_id, unit_id, kind, effective_date, legal_basis, depth) AS (
      SELECT s.predecessor_id, s.successor_id, s.kind, s.effective_date, s.legal_basis, 1
      FROM admin_unit_succession s
      WHERE s.predecessor_id IN (${sql.join(startIds)})
      UNION ALL
      SELECT c.origin_id, s.successor_id,
        CASE WHEN c.kind = 'partial' OR s.kind = 'partial' THEN 'partial' ELSE 'full' END,
        c.effective_date, c.legal_basis || '; ' || s.legal_basis, c.depth + 1
      FROM chain c JOIN admin_unit_succession s ON s.predecessor_id = c.unit_id
      WHERE c.depth < 20
    )
    SELECT DISTINCT c.origin_id, c.unit_id, c.kind, c.effective_date, c.legal_basis
    FROM chain c JOIN admin_unit u ON u.id = c.unit_id
    WHERE ${validOn(target)}
  `.execute(db);
  return result.rows;
}

/** Follows successions backward from a unit: every earlier unit that became (part of) it. */
export async function findPredecessors(db: Executor, unitId: string): Promise<LinkRecord[]> {
  const result = await sql<LinkRecord>`
    WITH RECURSIVE chain (origin_id, unit_id, kind, effective_date, legal_basis, depth) AS (
      SELECT s.successor_id, s.predecessor_id, s.kind, s.effective_date, s.legal_basis, 1
      FROM admin_unit_succession s WHERE s.successor_id = ${unitId}
      UNION ALL
      SELECT c.origin_id, s.predecessor_id, s.kind, s.effective_date, s.legal_basis, c.depth + 1
      FROM chain c JOIN admin_unit_succession s ON s.successor_id = c.unit_id
      WHERE c.depth < 20
    )
    SELECT DISTINCT origin_id, unit_id, kind, effective_date, legal_basis FROM chain
  `.execute(db);
  return result.rows;
}

export function listDatasets(db: Executor) {
  return db
    .selectFrom('admin_unit_dataset')
    .selectAll()
    .orderBy('valid_from', (ob) => ob.asc().nullsFirst())
    .execute();
}
