/**
 * "A similar folded name" for a whole import at once, with the meaning registration gives it
 * (persons.repo.ts `findDuplicateCandidates`: pg_trgm `similarity(name_key, …) >= SIMILAR_NAME_THRESHOLD`, same birth
 * year, same province).
 *
 * Why not in SQL: the registry is under row-level security, and PostgreSQL applies non-leakproof
 * operators such as `%` and `similarity()` only after the policy, so a join on them cannot use the
 * trigram index (ARCHITECTURE.md): it compares every imported name with every registered name of
 * the same province and year, minutes for 100,000 rows against a province's registry. Instead one
 * query fetches those groups by equality (province, birth years), and the pairs are found here
 * with pg_trgm's own formula over an inverted index of trigrams. A test checks the results
 * against PostgreSQL's `similarity()`.
 */
import { SIMILAR_NAME_THRESHOLD } from '../persons/persons.repo';

/**
 * pg_trgm's trigrams of a text: each word (letters and digits) lower-cased, padded with two spaces
 * in front and one behind, every three-character window, without repeats.
 */
export function trigrams(text: string): string[] {
  const set = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) set.add(`${padded[i]}${padded[i + 1]}${padded[i + 2]}`);
  }
  return [...set];
}

/** pg_trgm `similarity`: shared trigrams over all trigrams, computed in float4 as PostgreSQL does. */
export function similarity(a: string, b: string): number {
  return jaccard(trigrams(a), new Set(trigrams(b)));
}

function jaccard(a: readonly string[], b: ReadonlySet<string>): number {
  if (a.length === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return Math.fround(shared / (a.length + b.size - shared));
}

export interface NameEntry {
  /** A row number (incoming) or a person id (registered). */
  ref: string;
  nameKey: string;
  /** Only names of the same group are compared: province and birth year. */
  group: string;
}

/** The distinct names of each group, each with the entries bearing it (names repeat a great deal). */
function distinctNames(entries: readonly NameEntry[]) {
  const groups = new Map<string, Map<string, string[]>>();
  for (const entry of entries) {
    let names = groups.get(entry.group);
    if (!names) {
      names = new Map();
      groups.set(entry.group, names);
    }
    const refs = names.get(entry.nameKey);
    if (refs) refs.push(entry.ref);
    else names.set(entry.nameKey, [entry.ref]);
  }
  return groups;
}

/**
 * For each incoming entry with similar registered names in its group: the registered refs (at most
 * `limit`), most similar first. Per group, each distinct incoming name counts the trigrams it
 * shares with every registered name through an inverted index, which gives the exact similarity of
 * every pair sharing a trigram (pairs sharing none have similarity 0). Names repeat a great deal,
 * so each distinct name of a group is compared once.
 */
export function similarNames(
  incoming: readonly NameEntry[],
  registered: readonly NameEntry[],
  options: { threshold?: number; limit?: number } = {},
): Map<string, string[]> {
  const threshold = options.threshold ?? SIMILAR_NAME_THRESHOLD;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const result = new Map<string, string[]>();
  const known = distinctNames(registered);
  const tokenIds = new Map<string, number>();
  const tokenCache = new Map<string, number[]>();
  const tokensOf = (name: string): number[] => {
    let ids = tokenCache.get(name);
    if (!ids) {
      ids = trigrams(name).map((token) => {
        const known = tokenIds.get(token);
        if (known !== undefined) return known;
        const id = tokenIds.size;
        tokenIds.set(token, id);
        return id;
      });
      tokenCache.set(name, ids);
    }
    return ids;
  };

  for (const [group, wanted] of distinctNames(incoming)) {
    const names = known.get(group);
    if (!names) continue;
    const list = [...names.keys()];
    const sizes = new Int32Array(list.length);
    const postings = new Map<number, number[]>();
    list.forEach((name, index) => {
      const tokens = tokensOf(name);
      sizes[index] = tokens.length;
      for (const token of tokens) {
        const posting = postings.get(token);
        if (posting) posting.push(index);
        else postings.set(token, [index]);
      }
    });
    const shared = new Int32Array(list.length);
    for (const [name, refs] of wanted) {
      const tokens = tokensOf(name);
      const touched: number[] = [];
      for (const token of tokens) {
        for (const index of postings.get(token) ?? []) {
          const before = shared[index] ?? 0;
          shared[index] = before + 1;
          if (before === 0) touched.push(index);
        }
      }
      const found: { index: number; score: number }[] = [];
      for (const index of touched) {
        const count = shared[index] ?? 0;
        shared[index] = 0;
        const score = Math.fround(count / (tokens.length + (sizes[index] ?? 0) - count));
        if (score >= threshold) found.push({ index, score });
      }
      if (found.length === 0) continue;
      const similar: string[] = [];
      for (const { index } of found.sort((x, y) => y.score - x.score || x.index - y.index)) {
        similar.push(...(names.get(list[index] ?? '') ?? []).slice(0, limit - similar.length));
        if (similar.length >= limit) break;
      }
      for (const ref of refs) result.set(ref, similar);
    }
  }
  return result;
}
