/**
 * The days off of a year: statutory holidays (holiday-law.ts), their compensatory days, and the
 * days an administrator declared. A `WorkCalendar` is plain data so the server can load it from
 * the database and send the same object to the browser.
 */
import { HOLIDAY_NAMES, type HolidayKey, type HolidayName, holidayLawOf, WEEKLY_REST_DAYS } from './holiday-law';
import { addDays, type IsoDate, isoDateOf, parseIsoDate, weekdayOf } from './iso-date';
import { fromLunarDate } from './lunar';

/** What the year's official announcement fixed; each field replaces the default rule. */
export interface YearOverride {
  /** The Tết days chosen by the Prime Minister (Bộ luật Lao động 2019 Điều 112(3)); as many as the law grants. */
  tetDays?: readonly IsoDate[];
  /** The day off next to Quốc khánh: 1/9 or 3/9 of the year (Điều 112(1)(đ) and (3)). */
  nationalDayAdjacent?: IsoDate;
  /** The compensatory days as announced, replacing the ones computed from Điều 111(3). */
  compensatoryDays?: readonly IsoDate[];
}

/**
 * An administrator's declarations on top of the law. Treat it as immutable: results are cached
 * per object, so build a new calendar when the declarations change.
 */
export interface WorkCalendar {
  /** Extra days off declared for state agencies (e.g. a bridge day swapped with a Saturday). */
  extraDaysOff: readonly IsoDate[];
  /** Weekly rest days worked instead (e.g. the Saturday that makes up for a bridge day). */
  makeUpWorkingDays: readonly IsoDate[];
  /** Per Gregorian year, what that year's announcement fixed. */
  yearOverrides?: Readonly<Record<number, YearOverride>>;
}

/** The law alone: no declarations, default Tết and 2/9 choices. */
export const LAW_ONLY_CALENDAR: WorkCalendar = { extraDaysOff: [], makeUpWorkingDays: [] };

/** A dated day off with its names and legal basis, as shown to users. */
export interface Holiday extends HolidayName {
  date: IsoDate;
  key: HolidayKey | 'compensatory' | 'declared';
  legalBasis: string;
  /** True when the date comes from the default rule, not from the year's announcement. */
  provisional: boolean;
}

/** Whether a date is a weekly rest day of state agencies. */
export function isWeeklyRestDay(date: IsoDate): boolean {
  return WEEKLY_REST_DAYS.includes(weekdayOf(date));
}

/**
 * Default Tết days, used until the year's announcement is entered: the last day of the old
 * lunar year and the first days of the new one (with 5 days: 30 Tết or 29 Tết, mùng 1–4).
 * This is a convention, not law; the Prime Minister's choice varies from year to year.
 */
function defaultTetDays(year: number, count: number): IsoDate[] {
  const tet = fromLunarDate({ year, month: 1, day: 1, leap: false });
  return Array.from({ length: count }, (_, i) => addDays(tet, i - 1));
}

function checkOverride(year: number, override: YearOverride, tetDayCount: number): void {
  const wrongYear = (d: IsoDate) => parseIsoDate(d).year !== year;
  if (override.tetDays && (override.tetDays.length !== tetDayCount || override.tetDays.some(wrongYear))) {
    throw new RangeError(`Tết override for ${year} must list ${tetDayCount} dates of that year`);
  }
  const adjacent = override.nationalDayAdjacent;
  if (adjacent !== undefined && adjacent !== isoDateOf(year, 9, 1) && adjacent !== isoDateOf(year, 9, 3)) {
    throw new RangeError(`The day next to Quốc khánh ${year} must be 1/9 or 3/9, not ${adjacent}`);
  }
  if (override.compensatoryDays?.some(wrongYear))
    throw new RangeError(`Compensatory override for ${year} has a date of another year`);
}

/** Statutory holidays of Gregorian `year`, sorted, before compensation. */
function statutoryHolidays(year: number, override: YearOverride): Holiday[] {
  const law = holidayLawOf(year);
  checkOverride(year, override, law.tetDayCount);
  const holidays: Holiday[] = law.fixedDays.map((rule) => ({
    date:
      rule.calendar === 'solar'
        ? isoDateOf(year, rule.month, rule.day)
        : fromLunarDate({ year, month: rule.month, day: rule.day, leap: false }),
    key: rule.key,
    nameVi: rule.nameVi,
    nameEn: rule.nameEn,
    legalBasis: rule.legalBasis,
    provisional: false,
  }));
  const tetDays = override.tetDays ?? defaultTetDays(year, law.tetDayCount);
  for (const date of tetDays) {
    holidays.push({ date, key: 'tet', ...HOLIDAY_NAMES.tet, legalBasis: law.tetLegalBasis, provisional: !override.tetDays });
  }
  if (law.nationalDayAdjacentCount > 0) {
    // Default 3/9, the day after; the announcement may choose 1/9 instead.
    holidays.push({
      date: override.nationalDayAdjacent ?? isoDateOf(year, 9, 3),
      key: 'national-day',
      ...HOLIDAY_NAMES['national-day'],
      legalBasis: law.nationalDayAdjacentLegalBasis,
      provisional: !override.nationalDayAdjacent,
    });
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * One compensatory day for each holiday on a weekly rest day, on the next day that is neither a
 * weekly rest day, a holiday nor an earlier compensatory day (Bộ luật Lao động 2019 Điều 111(3)).
 * Declared days off are not considered: an announcement that moves days lists its own.
 */
function compensatoryDays(year: number, holidays: readonly Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((h) => h.date));
  const basis = holidayLawOf(year).compensationLegalBasis;
  const result: Holiday[] = [];
  for (const holiday of holidays) {
    if (!isWeeklyRestDay(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeeklyRestDay(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    result.push({
      date,
      key: 'compensatory',
      ...HOLIDAY_NAMES.compensatory,
      legalBasis: basis,
      provisional: holiday.provisional,
    });
  }
  return result;
}

const cache = new WeakMap<WorkCalendar, Map<number, readonly Holiday[]>>();

/**
 * Every day off of Gregorian `year` other than weekly rest days, sorted by date: statutory
 * holidays, compensatory days and declared extra days off. Throws a `RangeError` for years
 * before 2014 and for overrides that contradict the law.
 */
export function holidaysOf(year: number, cal: WorkCalendar): readonly Holiday[] {
  let byYear = cache.get(cal);
  if (!byYear) {
    byYear = new Map();
    cache.set(cal, byYear);
  }
  const cached = byYear.get(year);
  if (cached) return cached;
  const override = cal.yearOverrides?.[year] ?? {};
  const statutory = statutoryHolidays(year, override);
  const basis = holidayLawOf(year).compensationLegalBasis;
  const compensatory = override.compensatoryDays
    ? override.compensatoryDays.map((date) => ({
        date,
        key: 'compensatory' as const,
        ...HOLIDAY_NAMES.compensatory,
        legalBasis: basis,
        provisional: false,
      }))
    : compensatoryDays(year, statutory);
  const taken = new Set([...statutory, ...compensatory].map((h) => h.date));
  const declared = [...new Set(cal.extraDaysOff)]
    .filter((date) => parseIsoDate(date).year === year && !taken.has(date))
    .map((date) => ({
      date,
      key: 'declared' as const,
      ...HOLIDAY_NAMES.declared,
      legalBasis: 'Thông báo nghỉ do quản trị viên khai báo',
      provisional: false,
    }));
  const all = [...statutory, ...compensatory, ...declared].sort((a, b) => a.date.localeCompare(b.date));
  byYear.set(year, all);
  return all;
}
