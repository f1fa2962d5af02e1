/** Dates as Vietnamese documents write them: "23/2/2023", "ngày 05 tháng 7 năm 2022", "ngày 23/2". */

/** A calendar date as YYYY-MM-DD, or null when it does not exist (31/2). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month, as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string | null {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** A date written "d/m/yyyy", "d-m-yyyy", "d.m.yyyy" or "d/m" (year then null). */
export const NUMERIC_DATE = String.raw`(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?!\d)`;
/** A date written "ngày d tháng m năm yyyy" (the year may be missing). */
export const WORDED_DATE = String.raw`(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?`;

/** Day, month and optional year of a date at the start of `text`. */
export function readDate(text: string): { day: number; month: number; year: number | null } | null {
  const m = new RegExp(`^(?:${WORDED_DATE}|${NUMERIC_DATE})`, 'u').exec(text.trim());
  if (!m) return null;
  const [day, month, year] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  return { day: Number(day), month: Number(month), year: year === undefined ? null : Number(year) };
}

/** A date at the start of `text` as YYYY-MM-DD, taking `fallbackYear` when the text has none. */
export function dateAt(text: string, fallbackYear: number | null): string | null {
  const d = readDate(text);
  if (!d) return null;
  const year = d.year ?? fallbackYear;
  return year === null ? null : isoDate(year, d.month, d.day);
}

/** The year a text is about: "năm 2023", "tháng 6/2019", "- 2023" in a title. */
export function yearIn(text: string): number | null {
  const m = /\bnăm\s+(\d{4})\b/iu.exec(text) ?? /tháng\s+\d{1,2}\s*\/\s*(\d{4})\b/iu.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}
