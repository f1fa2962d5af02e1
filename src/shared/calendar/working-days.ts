/**
 * Working days and deadlines. Counting follows Bộ luật Dân sự 2015: the day of the event is not
 * counted (Điều 147(2)) and a period ends at the end of its last day (Điều 148(1)–(4)).
 */
import { holidaysOf, isWeeklyRestDay, type WorkCalendar } from './holidays';
import { addDays, addMonths, addYears, type IsoDate, parseIsoDate } from './iso-date';

interface CalendarIndex {
  makeUp: ReadonlySet<IsoDate>;
  daysOffByYear: Map<number, ReadonlySet<IsoDate>>;
}

const indexes = new WeakMap<WorkCalendar, CalendarIndex>();

function indexOf(cal: WorkCalendar): CalendarIndex {
  let index = indexes.get(cal);
  if (!index) {
    index = { makeUp: new Set(cal.makeUpWorkingDays), daysOffByYear: new Map() };
    indexes.set(cal, index);
  }
  return index;
}

/**
 * Whether state agencies work on `date`. A declared make-up working day wins over everything
 * else; otherwise weekly rest days, holidays, compensatory days and declared days off are off.
 * Throws a `RangeError` for years with no recorded holiday law (before 2014).
 */
export function isWorkingDay(date: IsoDate, cal: WorkCalendar): boolean {
  const index = indexOf(cal);
  if (index.makeUp.has(date)) return true;
  if (isWeeklyRestDay(date)) return false;
  const { year } = parseIsoDate(date);
  let daysOff = index.daysOffByYear.get(year);
  if (!daysOff) {
    daysOff = new Set(holidaysOf(year, cal).map((h) => h.date));
    index.daysOffByYear.set(year, daysOff);
  }
  return !daysOff.has(date);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate, cal: WorkCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, cal)) day = addDays(day, 1);
  return day;
}

/**
 * The last day of a period of `n` working days after `event`: the `n`-th working day after the
 * event day, the event day itself never counting even when it is a working day (Điều 147(2)).
 * "Within 3 working days" of Thursday 06/03/2025 ends on Tuesday 11/03/2025. `n = 0` gives `event`.
 */
export function addWorkingDays(event: IsoDate, n: number, cal: WorkCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  let day = event;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) counted++;
  }
  return day;
}

/** A legal period as rule data stores it, e.g. `{ unit: 'working-days', count: 3 }`. */
export interface PeriodLength {
  unit: 'working-days' | 'days' | 'months' | 'years';
  count: number;
}

/** How to treat a period in days, months or years whose last day is a day off. */
export interface DeadlineOptions {
  /**
   * `next-working-day`: Bộ luật Dân sự 2015 Điều 148(5), a period whose last day is a weekend
   * day or a holiday ends at the end of the next working day; it fits deadlines for an act
   * (filing, deciding). `keep`: the date as computed; it fits terms that simply run (a one-year
   * management period). Which one a given procedure uses is unconfirmed, so callers must choose.
   */
  endOnDayOff: 'next-working-day' | 'keep';
}

/**
 * The last day of a period starting from `event` (the event day not counted). Working-day
 * periods always end on a working day; the others follow `options.endOnDayOff`.
 */
export function deadlineOf(event: IsoDate, length: PeriodLength, cal: WorkCalendar, options: DeadlineOptions): IsoDate {
  if (length.unit === 'working-days') return addWorkingDays(event, length.count, cal);
  if (!Number.isInteger(length.count) || length.count < 0)
    throw new RangeError(`Period must be a whole number ≥ 0: ${length.count}`);
  const end =
    length.unit === 'days'
      ? addDays(event, length.count)
      : length.unit === 'months'
        ? addMonths(event, length.count)
        : addYears(event, length.count);
  return options.endOnDayOff === 'next-working-day' ? workingDayOnOrAfter(end, cal) : end;
}
