import type { Insertable, Selectable } from 'kysely';
import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonTable } from '../../db/types';

export type PersonRow = Selectable<PersonTable>;

export function findById(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', id).where('merged_into', 'is', null).executeTakeFirst();
}

export function findByIdForUpdate(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', id).where('merged_into', 'is', null).forUpdate().executeTakeFirst();
}

export function insert(db: Executor, row: Insertable<PersonTable>) {
  return db.insertInto('person').values(row).returningAll().executeTakeFirstOrThrow();
}

export function update(db: Executor, id: string, version: number, changes: Partial<Insertable<PersonTable>>) {
  return db
    .updateTable('person')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Folded names this similar (pg_trgm) are the same person's candidates, at registration and import. */
export const SIMILAR_NAME_THRESHOLD = 0.6;

export interface DuplicateQuery {
  personalIdIndex: string | null;
  oldIdIndex: string | null;
  nameKey: string;
  birthYear: number;
  provincePrefix: string;
}

/**
 * Candidates for "the same person": the same ID number, or a similar folded name with the same
 * birth year in the same province (the stand-in for "a neighbouring unit": commune adjacency is
 * not in the reference data).
 */
export function findDuplicateCandidates(db: Executor, q: DuplicateQuery) {
  return db
    .selectFrom('person as p')
    .innerJoin('admin_unit as u', 'u.id', 'p.current_unit_id')
    .select([
      'p.id',
      'p.full_name',
      'p.birth_year',
      'u.code as unit_code',
      'u.full_name as unit_full_name',
      'p.personal_id_idx',
      'p.old_id_idx',
    ])
    .where('p.merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        ...(q.personalIdIndex ? [eb('p.personal_id_idx', '=', q.personalIdIndex)] : []),
        ...(q.oldIdIndex ? [eb('p.old_id_idx', '=', q.oldIdIndex)] : []),
        eb.and([
          eb('p.birth_year', '=', q.birthYear),
          eb('p.unit_path', 'like', `${q.provincePrefix}.%`),
          sql<SqlBool>`similarity(p.name_key, ${q.nameKey}) >= ${SIMILAR_NAME_THRESHOLD}`,
        ]),
      ]),
    )
    .limit(10)
    .execute();
}

export interface SearchQuery {
  words: string[];
  folded: string;
  personalIdIndex: string | null;
  oldIdIndex: string | null;
  birthYear?: number | undefined;
  unitPath?: string | undefined;
  classification?: string | undefined;
  after: { sortKey: string; id: string } | null;
  limit: number;
  fuzzy: boolean;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Above every string that starts with a word, in byte order (COLLATE "C"): the last code point. */
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * Persons in an area with a name word starting with `word`: a range on the token index, which
 * (unlike LIKE) row-level security lets the planner use (migration 0007).
 */
function personsWithWordPrefix(db: Executor, unitPath: string, word: string) {
  return db
    .selectFrom('person_name_token as w')
    .select('w.person_id')
    .where(unitPath.includes('.') ? 'w.unit_path' : 'w.province_code', '=', unitPath)
    .where(sql<SqlBool>`w.token COLLATE "C" >= ${word} AND w.token COLLATE "C" < ${word + AFTER_PREFIX}`);
}

export type PersonFilter = Omit<SearchQuery, 'after' | 'limit'>;

/** The persons a search or an export means, within what row-level security lets the transaction see. */
function matching(db: Executor, q: PersonFilter) {
  let query = db
    .selectFrom('person as p')
    .innerJoin('admin_unit as u', 'u.id', 'p.current_unit_id')
    .where('p.merged_into', 'is', null);
  if (q.personalIdIndex) query = query.where('p.personal_id_idx', '=', q.personalIdIndex);
  else if (q.oldIdIndex) query = query.where('p.old_id_idx', '=', q.oldIdIndex);
  else if (q.fuzzy) query = query.where(sql<SqlBool>`similarity(p.name_key, ${q.folded}) >= 0.3`);
  else if (q.unitPath) for (const word of q.words) query = query.where('p.id', 'in', personsWithWordPrefix(db, q.unitPath, word));
  else for (const word of q.words) query = query.where('p.search_key', 'like', `% ${escapeLike(word)}%`);
  if (q.birthYear !== undefined) query = query.where('p.birth_year', '=', q.birthYear);
  // Equalities only (see the indexes in migration 0006): a province code, or a commune's path.
  if (q.unitPath) {
    query = q.unitPath.includes('.')
      ? query.where('p.unit_path', '=', q.unitPath)
      : query.where('p.province_code', '=', q.unitPath);
  }
  if (q.classification) query = query.where('p.classification', '=', q.classification);
  return q.fuzzy ? query.orderBy(sql`similarity(p.name_key, ${q.folded})`, 'desc') : query;
}

const PAGE_COLUMNS = [
  'p.id',
  'p.full_name',
  'p.birth_year',
  'p.birth_date',
  'p.sex',
  'p.classification',
  'p.sort_key',
  'u.code as unit_code',
  'u.full_name as unit_full_name',
] as const;

/**
 * A name search's page chosen inside the word table's index (migration 0007): candidates for the
 * longest word, the other words' sets joined to them, filters and Vietnamese order on the index's
 * own columns; only the page's persons are then read. The word table's policy already
 * limits it to what the person policies let this transaction see, so the page is exact.
 */
function searchByWords(db: Executor, q: SearchQuery & { unitPath: string }) {
  const [first, ...others] = [...new Set(q.words)].sort((a, b) => b.length - a.length);
  if (!first) throw new Error('words required');
  let hits = db
    .selectFrom('person_name_token as t')
    .select(['t.person_id', sql<string>`t.sort_key COLLATE "C"`.as('sort_c')])
    .distinct()
    .where(q.unitPath.includes('.') ? 't.unit_path' : 't.province_code', '=', q.unitPath)
    .where(sql<SqlBool>`t.token COLLATE "C" >= ${first} AND t.token COLLATE "C" < ${first + AFTER_PREFIX}`);
  // Each other word as a set from the same index: PostgreSQL joins the sets by hashing, a few
  // thousand index entries read in order instead of one random probe per candidate.
  for (const word of others) hits = hits.where('t.person_id', 'in', personsWithWordPrefix(db, q.unitPath, word));
  if (q.birthYear !== undefined) hits = hits.where('t.birth_year', '=', q.birthYear);
  if (q.classification) hits = hits.where('t.classification', '=', q.classification);
  if (q.after) {
    const after = q.after;
    hits = hits.where(sql<SqlBool>`(t.sort_key COLLATE "C", t.person_id) > (${after.sortKey} COLLATE "C", ${after.id}::uuid)`);
  }
  const page = hits
    .orderBy('sort_c')
    .orderBy('t.person_id')
    .limit(q.limit + 1);
  return db
    .with('hit', () => page)
    .selectFrom('hit')
    .innerJoin('person as p', 'p.id', 'hit.person_id')
    .innerJoin('admin_unit as u', 'u.id', 'p.current_unit_id')
    .select(PAGE_COLUMNS)
    .where('p.merged_into', 'is', null)
    .orderBy(sql`p.sort_key COLLATE "C"`)
    .orderBy('p.id')
    .execute();
}

/** One page of a search: keyset order on the sort key (relevance order when fuzzy). */
export function search(db: Executor, q: SearchQuery) {
  const unitPath = q.unitPath;
  if (unitPath && q.words.length > 0 && !q.fuzzy && !q.personalIdIndex && !q.oldIdIndex)
    return searchByWords(db, { ...q, unitPath });
  let query = matching(db, q).select(PAGE_COLUMNS);
  if (q.after && !q.fuzzy) {
    const after = q.after;
    query = query.where(sql<SqlBool>`(p.sort_key COLLATE "C", p.id) > (${after.sortKey} COLLATE "C", ${after.id}::uuid)`);
  }
  if (!q.fuzzy) query = query.orderBy(sql`p.sort_key COLLATE "C"`);
  return query
    .orderBy('p.id')
    .limit(q.limit + 1)
    .execute();
}

/** Every person a filter means, whole rows in Vietnamese order, at most `limit` (an export). */
export function listMatching(db: Executor, q: PersonFilter, limit: number) {
  let query = matching(db, q).selectAll('p').select(['u.code as unit_code', 'u.full_name as unit_full_name']);
  if (!q.fuzzy) query = query.orderBy(sql`p.sort_key COLLATE "C"`);
  return query.orderBy('p.id').limit(limit).execute();
}

export function insertEvent(
  db: Executor,
  row: {
    person_id: string;
    at: Date;
    kind: string;
    actor_user_id: string | null;
    actor_username: string | null;
    summary: string;
  },
) {
  return db.insertInto('person_event').values(row).execute();
}

export function listEvents(db: Executor, personId: string) {
  return db.selectFrom('person_event').selectAll().where('person_id', '=', personId).orderBy('at', 'desc').limit(500).execute();
}

export function insertNote(
  db: Executor,
  row: {
    id: string;
    person_id: string;
    at: Date;
    author_user_id: string | null;
    author_username: string | null;
    body_enc: string;
  },
) {
  return db.insertInto('person_note').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listNotes(db: Executor, personId: string) {
  return db.selectFrom('person_note').selectAll().where('person_id', '=', personId).orderBy('at', 'desc').limit(500).execute();
}
