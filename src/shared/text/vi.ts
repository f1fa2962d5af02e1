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

// Vietnamese collation as a plain string key, so that a database sorting bytewise (COLLATE "C",
// the only order PGlite and PostgreSQL share) sorts names in Vietnamese order and keyset
// pagination can run in SQL. Primary: letters in the Vietnamese alphabet (ă, â, đ, ê, ô, ơ, ư are
// letters of their own); secondary: tones (none, huyền, hỏi, ngã, sắc, nặng); tertiary: case.
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_MARKS: Record<string, string> = { '\u0306': 'ă', '\u0302': 'â', '\u031b': 'ơ' };
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

function letterOf(base: string, marks: string[]): string {
  if (base === 'a' && marks.includes('\u0306')) return 'ă';
  if (base === 'a' && marks.includes('\u0302')) return 'â';
  if (base === 'e' && marks.includes('\u0302')) return 'ê';
  if (base === 'o' && marks.includes('\u0302')) return 'ô';
  if (base === 'o' && marks.includes('\u031b')) return 'ơ';
  if (base === 'u' && marks.includes('\u031b')) return 'ư';
  return LETTER_MARKS[base] ?? base;
}

/** A key whose bytewise order is Vietnamese alphabetical order (checked against `compareVi` in tests). */
export function viSortKey(text: string): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  const chars = [...text.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    const raw = chars[i] ?? '';
    if (/\p{M}/u.test(raw)) continue;
    const marks: string[] = [];
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1] ?? '')) marks.push(chars[++i] ?? '');
    const lower = raw.toLowerCase();
    const letter = letterOf(lower, marks);
    const index = ALPHABET.indexOf(letter);
    if (index >= 0) primary += String.fromCharCode(0x41 + index);
    else if (/\d/.test(lower)) primary += lower;
    else {
      primary += ' ';
      continue;
    }
    secondary += String(marks.map((m) => TONES[m] ?? 0).find((t) => t > 0) ?? 0);
    tertiary += raw === lower ? '0' : '1';
  }
  return `${primary.replace(/ +/g, ' ').trim()}\u0001${secondary}\u0001${tertiary}`;
}
