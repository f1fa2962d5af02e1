/**
 * Vietnamese text helpers shared by the server, the CLI and the web client.
 *
 * Why not database collation or `unaccent` alone: PGlite sorts in `C` order and ignores ICU
 * `vi` tailoring, and ICU treats ă/â/đ/ê/ô/ơ/ư as separate letters, so accent-insensitive
 * matching must run on a folded key we compute ourselves (VN-DATA.md §4.1–§4.3).
 */

/** Normalise user input to NFC; "Nguyễn" typed in NFD must equal the stored NFC form. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Folds Vietnamese text for comparison: strips tone and vowel marks, maps đ/Đ to d (they have
 * no Unicode decomposition), lower-cases and collapses white space.
 * `foldVi('Phường Ba Đình') === 'phuong ba dinh'`.
 */
export function foldVi(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Splits text into folded search words. Apostrophes join ("Đạ M'ri" → "da", "mri") and any
 * other punctuation separates, so "Bà Rịa - Vũng Tàu" gives four words.
 */
export function searchWords(text: string): string[] {
  return foldVi(text)
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The stored form that search matches against: the folded words, each preceded by a space, so
 * that "a word starts with w" is the portable pattern `LIKE '% w%'` on PGlite and PostgreSQL.
 */
export function searchKey(text: string): string {
  return ` ${searchWords(text).join(' ')}`;
}

const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Vietnamese alphabetical order (a, ă, â, b, c, d, đ, …), independent of the database collation. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
