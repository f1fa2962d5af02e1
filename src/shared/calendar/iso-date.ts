/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`). These are dates, not instants: no time zone
 * enters, so the browser and the server always agree. Internally a date is an epoch day (days
 * since 1970-01-01), which makes "next day" and weekday exact integer arithmetic.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1–12) and day of a valid ISO date; throws a `RangeError` on anything else. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    // Years before 1000 are refused: `Date.UTC` reads 0–99 as 1900–1999.
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`Not a valid ISO date: ${date}`);
}

/** Builds an ISO date from its parts (month 1–12). */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The ISO date of an epoch day. */
export function fromEpochDay(epochDay: number): IsoDate {
  const date = new Date(epochDay * MS_PER_DAY);
  return isoDateOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getDay`). */
export function weekdayOf(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** `date` plus `n` calendar days (`n` may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day "corresponding" to `date` `n` months later; when that month is shorter, its last day
 * (31/01 + 1 month = 28/02, or 29/02 in a leap year). This is the last day of a period of `n`
 * months counted from the event `date`: Bộ luật Dân sự 2015 Điều 147(2) does not count the
 * event day, and Điều 148(3) ends the period at the end of the corresponding day of the last
 * month, or of that month's last day when it has no corresponding day.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Months must be an integer: ${n}`);
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return isoDateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * The same day and month `n` years later (Bộ luật Dân sự 2015 Điều 148(4)); 29/02 becomes 28/02
 * in a non-leap year. Điều 148(4) does not say what happens to 29/02; taking the month's last
 * day applies Điều 148(3) by analogy (unconfirmed, but it is what `addMonths(date, 12 * n)` gives).
 */
export function addYears(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Years must be an integer: ${n}`);
  return addMonths(date, 12 * n);
}
